-- CareQueue foundation schema. Runs unchanged on H2 2.x and PostgreSQL 13+.

create table organization (
    id          varchar(36)  primary key,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

create table agent (
    id              varchar(36)  primary key,
    organization_id varchar(36)  not null references organization (id),
    username        varchar(100) not null unique,
    display_name    varchar(200) not null,
    password_hash   varchar(500) not null,
    role            varchar(20)  not null,
    created_at      timestamp with time zone not null
);
create index agent_organization on agent (organization_id);

-- Bearer tokens of the agent API: only a SHA-256 of the token is kept.
create table agent_session (
    token_hash  varchar(64) primary key,
    agent_id    varchar(36) not null references agent (id),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index agent_session_agent on agent_session (agent_id);

create table queue (
    id              varchar(36)  primary key,
    organization_id varchar(36)  not null references organization (id),
    name            varchar(200) not null,
    state           varchar(10)  not null,
    suspended       boolean      not null,
    capacity        integer      not null,
    created_at      timestamp with time zone not null,
    version         bigint       not null
);
create index queue_organization on queue (organization_id);

create table queue_member (
    queue_id  varchar(36) not null references queue (id),
    agent_id  varchar(36) not null references agent (id),
    primary key (queue_id, agent_id)
);

create table audience (
    id                        varchar(36)  primary key,
    organization_id           varchar(36)  not null references organization (id),
    queue_id                  varchar(36)  not null references queue (id),
    state                     varchar(12)  not null,
    customer_name             varchar(200) not null,
    customer_token_hash       varchar(64)  not null unique,
    first_message             varchar(10000),
    pre_answers               varchar(20000),
    metadata                  varchar(20000),
    agent_id                  varchar(36)  references agent (id),
    requested_at              timestamp with time zone not null,
    accepted_at               timestamp with time zone,
    ended_at                  timestamp with time zone,
    -- Since when the customer has had no live socket (null while one is open): the grace clock.
    customer_away_since       timestamp with time zone,
    last_seq                  bigint       not null,
    version                   bigint       not null
);
-- The waiting line of a queue, in arrival order.
create index audience_queue_state on audience (queue_id, state, requested_at);
create index audience_agent_state on audience (agent_id, state);
-- The drop clock's scan, and queue lengths per organization.
create index audience_state_away on audience (state, customer_away_since);
create index audience_organization_state on audience (organization_id, state);

-- EclipseLink preallocates 50 ids per call and expects the first value to be at least 50.
create sequence chat_message_seq start with 50 increment by 50;
create table chat_message (
    id                 bigint        primary key,
    audience_id        varchar(36)   not null references audience (id),
    seq                bigint        not null,
    client_message_id  varchar(100)  not null,
    sender_role        varchar(10)   not null,
    sender_name        varchar(200)  not null,
    text               varchar(10000) not null,
    sent_at            timestamp with time zone not null,
    constraint chat_message_seq_unique unique (audience_id, seq),
    -- Each side numbers its own retries: an agent's id can never swallow a customer's message.
    constraint chat_message_client_id_unique unique (audience_id, sender_role, client_message_id)
);

create sequence queue_log_entry_seq start with 50 increment by 50;
create table queue_log_entry (
    id           bigint       primary key,
    queue_id     varchar(36)  not null references queue (id),
    at           timestamp with time zone not null,
    kind         varchar(20)  not null,
    agent_id     varchar(36),
    audience_id  varchar(36)
);
create index queue_log_entry_queue on queue_log_entry (queue_id, id);
