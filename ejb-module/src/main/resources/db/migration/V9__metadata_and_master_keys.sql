-- Issue 5, metadata and secure metadata. Runs unchanged on H2 2.x and PostgreSQL 13+.

-- What a queue keeps of the customer's metadata (ALL, NO_IP, NONE) and whether it asks for
-- secure metadata (REQUIRED, OPTIONAL, IGNORED).
alter table queue add column metadata_collection varchar(10) default 'NO_IP' not null;
alter table queue add column secure_metadata varchar(10) default 'OPTIONAL' not null;

-- Decrypted secure metadata (JSON object of strings) and the master key that vouched for it.
alter table audience add column verified_metadata varchar(20000);
alter table audience add column verified_key_id varchar(64);

-- An organization's keys for secure metadata; the secret is shown once, when the key is created.
create table master_key (
    id              varchar(64)  primary key,
    organization_id varchar(36)  not null references organization (id),
    secret          varchar(100) not null,
    created_by      varchar(36)  not null references agent (id),
    created_at      timestamp with time zone not null,
    revoked_at      timestamp with time zone
);
create index master_key_organization on master_key (organization_id, created_at);
