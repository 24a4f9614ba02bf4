-- Several Payara Micro nodes on one database (the production issue).

-- A waiting customer's presence becomes a heartbeat: the node holding a customer's socket marks
-- them seen every few seconds, a status poll does too, and the customer is dropped once nobody
-- has seen them for the grace period. A "present" flag could not survive a node that dies while
-- holding the socket, nor two sockets of one customer on two nodes.
alter table audience add column customer_seen_at timestamp with time zone;
update audience set customer_seen_at = coalesce(customer_away_since, current_timestamp) where state = 'REQUESTED';
drop index audience_state_away;
alter table audience drop column customer_away_since;
create index audience_state_seen on audience (state, customer_seen_at);
alter table audience add constraint audience_waiting_is_seen
    check (state <> 'REQUESTED' or customer_seen_at is not null);

-- Rows that nodes lock to take turns at one-time work, such as creating the demo organization
-- when several nodes start on an empty database at once.
create table cluster_lock (
    name varchar(100) primary key
);
insert into cluster_lock (name) values ('demo-organization');
