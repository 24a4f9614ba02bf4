-- A deleted webhook subscription keeps its row, marked, so that a transaction that read it as a
-- subscriber just before the delete can still write its delivery row (a hard delete broke that
-- transaction, a customer's request say, on the foreign key). A marked subscription is disabled,
-- invisible to operators, and gets no deliveries.
alter table webhook_subscription add column deleted_at timestamp with time zone;
