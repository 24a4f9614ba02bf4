-- Queue log ids come one at a time from the database, no longer 50 at a time per node: with
-- blocks, two nodes writing the same queue's log interleave their ids out of time order, and the
-- log (read and paged by id) showed "closed" before the "opened" that came first.
alter sequence queue_log_entry_seq increment by 1;
