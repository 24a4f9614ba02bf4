-- Video calls (issue 5): who may start a 1-on-1 call in a queue's conversations (AGENT, CUSTOMER,
-- BOTH or NOBODY) and whether the agent may share their screen in it. Existing queues allow none.
alter table queue add column video varchar(16) default 'NOBODY' not null;
alter table queue add column screen_share boolean default false not null;
