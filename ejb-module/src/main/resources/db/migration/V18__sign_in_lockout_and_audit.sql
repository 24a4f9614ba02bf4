-- Sign-in lock-out: consecutive failed sign-ins per username as typed (known or not, so that a
-- lock-out says nothing about whether the account exists), kept here so that every node counts the
-- same. A row is deleted by a successful sign-in; failures older than the window start over.
-- Runs unchanged on H2 2.x and PostgreSQL 13+.
create table sign_in_lockout (
    username         varchar(100) primary key,
    failures         integer      not null,
    first_failure_at timestamp with time zone,
    locked_until     timestamp with time zone
);

-- The audit log: who did what, when, in which organization (null for a sign-in attempt with an
-- unknown username). Rows are only ever added: no code updates or deletes them (retention keeps
-- them too), and operators read them newest first.
create table audit_entry (
    id              varchar(36)  primary key,
    organization_id varchar(36),
    happened_at     timestamp with time zone not null,
    kind            varchar(40)  not null,
    actor_id        varchar(36),
    actor_name      varchar(200),
    subject         varchar(300)
);
create index audit_entry_organization on audit_entry (organization_id, happened_at, id);
