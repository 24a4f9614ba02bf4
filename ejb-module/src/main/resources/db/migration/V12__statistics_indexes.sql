-- Statistics read a period's audiences by request time, for an organization or one queue, and
-- activity log lines by queue, kind and time (who ended the conversations, registered contacts).
-- Without these, a month's statistics scan every audience and log line ever written.
create index audience_organization_requested on audience (organization_id, requested_at);
create index audience_queue_requested on audience (queue_id, requested_at);
create index queue_log_entry_queue_kind_at on queue_log_entry (queue_id, kind, at);

-- When the customer joined the line of the queue they are in: the request, or the latest transfer.
-- A queue's waits (queueing time, exit tolerance) are measured from it, not from a first request
-- in another queue.
alter table audience add column queued_at timestamp with time zone;
update audience set queued_at = requested_at;
alter table audience alter column queued_at set not null;
