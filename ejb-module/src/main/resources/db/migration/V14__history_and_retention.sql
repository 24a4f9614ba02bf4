-- History and retention. Runs unchanged on H2 2.x and PostgreSQL 13+.

-- Whether operators must give a reason before they read a transcript.
alter table organization add column require_transcript_reason boolean default false not null;

-- Delete a conversation's content this many days after it completed; null keeps it forever.
alter table queue add column transcript_retention_days integer;
alter table queue add constraint queue_retention_positive
    check (transcript_retention_days is null or transcript_retention_days > 0);

-- When retention deleted the conversation's content; the audience row itself stays for statistics.
alter table audience add column transcript_deleted_at timestamp with time zone;
-- The retention timer's scan: completed conversations by time. The history's search by request
-- time uses the statistics' index audience (organization_id, requested_at) of V12.
create index audience_state_completed on audience (state, completed_at);
-- A transcript names every agent who picked it, and the search finds earlier agents of a transfer.
create index queue_log_entry_audience on queue_log_entry (audience_id);

-- Who read which transcript, when, how and why. Rows are only ever added.
create table transcript_reading (
    id              varchar(36)  primary key,
    organization_id varchar(36)  not null references organization (id),
    audience_id     varchar(36)  not null references audience (id),
    agent_id        varchar(36)  not null references agent (id),
    read_at         timestamp with time zone not null,
    channel         varchar(12)  not null,
    reason          varchar(500)
);
create index transcript_reading_audience on transcript_reading (audience_id, read_at);
