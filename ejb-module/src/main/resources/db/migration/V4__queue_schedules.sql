-- Queue schedules (Ninchat's schedule JSON). schedule_applied_through is the latest schedule edge
-- applied to the queue (or the moment the schedule was saved, so that times already past do
-- nothing): every node's timer applies an edge only after it, under the queue's row lock, so each
-- edge is applied once in a cluster.
alter table queue add column schedule varchar(65536);
alter table queue add column schedule_applied_through timestamp with time zone;
