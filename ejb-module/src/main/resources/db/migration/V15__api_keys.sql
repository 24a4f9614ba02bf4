-- API keys of an organization for external systems. Runs unchanged on H2 2.x and PostgreSQL 13+.
-- Only the key's SHA-256 is stored; its first characters (key_prefix) let operators recognize it.
-- A key acts as one agent of its organization (agent_id) and only within its scopes
-- (comma-separated: READ_STATISTICS, READ_TRANSCRIPTS, MANAGE_QUEUES, ACT_AS_AGENT).
create table api_key (
    id              varchar(36)  primary key,
    organization_id varchar(36)  not null references organization (id),
    name            varchar(100) not null,
    key_hash        varchar(64)  not null unique,
    key_prefix      varchar(12)  not null,
    scopes          varchar(200) not null,
    agent_id        varchar(36)  not null references agent (id),
    created_by      varchar(36)  not null references agent (id),
    created_at      timestamp with time zone not null,
    revoked_at      timestamp with time zone
);
create index api_key_organization on api_key (organization_id, created_at);

-- Every use of a key, refused ones included; rows are only ever added.
-- outcome is the HTTP status of the answer.
create table api_key_use (
    id         varchar(36)  primary key,
    api_key_id varchar(36)  not null references api_key (id),
    used_at    timestamp with time zone not null,
    method     varchar(10)  not null,
    path       varchar(500) not null,
    outcome    integer      not null
);
create index api_key_use_key on api_key_use (api_key_id, used_at);
