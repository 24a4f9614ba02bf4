-- A queue's line is read by one column, waiting_in: the queue the customer waits in while the
-- audience is REQUESTED, null otherwise (the Audience entity keeps it with the state). Read by
-- queue and state, PostgreSQL planned the line from statistics that say almost nobody waits (they
-- are gathered when the table has changed enough, and the waiting are a sliver of all audiences):
-- estimating one waiting row, it took any index that starts with the state, read every waiting
-- customer of every queue and sorted them, for each pick and each arrival's place in line. Measured
-- with 1,708 waiting in the queue and 25,894 in all: 7.1 ms a pick (docs/benchmarks.md). An index
-- led by waiting_in is the only one that answers "waiting in this queue", whatever the statistics.
alter table audience add column waiting_in varchar(36);
update audience set waiting_in = queue_id where state = 'REQUESTED';
create index audience_waiting_in on audience (waiting_in, requested_at, id);
-- V22's index served only the line; dropping it keeps the writes of a pick and an arrival as they were.
drop index audience_waiting_line;
