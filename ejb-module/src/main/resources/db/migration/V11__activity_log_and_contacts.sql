-- The complete activity log and registered contacts. Runs unchanged on H2 2.x and PostgreSQL.

-- A customer who left the line: how long they had waited, so the log can say it without the
-- audience (which retention may remove) and statistics can average it (exit tolerance).
alter table queue_log_entry add column waited_seconds bigint;

-- A contact form a customer left in a queue (with no conversation), for its members to follow up.
create table registered_contact (
    id              varchar(36)   primary key,
    organization_id varchar(36)   not null references organization (id),
    queue_id        varchar(36)   not null references queue (id),
    name            varchar(200)  not null,
    email           varchar(254),
    phone           varchar(40),
    message         varchar(10000) not null,
    answers         varchar(20000),
    registered_at   timestamp with time zone not null,
    -- The members' note about the follow-up, and who wrote it last and when.
    agent_comment   varchar(2000),
    commented_by    varchar(36)   references agent (id),
    commented_at    timestamp with time zone
);
create index registered_contact_queue on registered_contact (queue_id, registered_at);

-- The log line of a registered contact points at it ("view content").
alter table queue_log_entry add column contact_id varchar(36) references registered_contact (id);
