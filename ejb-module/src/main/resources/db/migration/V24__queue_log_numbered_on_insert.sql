-- The database numbers activity log lines as it inserts them (org.carequeue.queue.QueueLog): one
-- statement a line, where JPA first took the sequence's next value in a round trip of its own. Nodes
-- of the previous release still take the next value themselves, from the same sequence.
alter table queue_log_entry alter column id set default nextval('queue_log_entry_seq');
