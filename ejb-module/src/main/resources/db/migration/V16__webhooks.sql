-- Webhooks: subscriptions, events and the delivery outbox. Runs unchanged on H2 2.x and PostgreSQL 13+.

-- An operator's subscription of a URL to event types (comma-separated wire names). The secret
-- signs every delivery; the server keeps it to sign, no page or endpoint shows it again.
create table webhook_subscription (
    id              varchar(36)   primary key,
    organization_id varchar(36)   not null references organization (id),
    url             varchar(2000) not null,
    event_types     varchar(1000) not null,
    secret          varchar(100)  not null,
    enabled         boolean       not null,
    created_by      varchar(36)   not null references agent (id),
    created_at      timestamp with time zone not null
);
create index webhook_subscription_organization on webhook_subscription (organization_id, created_at);

-- One event as it is sent, its body written in the transaction of the change it reports, so the
-- body (and its signature) is the same on every attempt and for every subscription.
create table webhook_event (
    id              varchar(36)     primary key,
    organization_id varchar(36)     not null references organization (id),
    event_type      varchar(40)     not null,
    occurred_at     timestamp with time zone not null,
    body            varchar(1000000) not null
);

-- The outbox: one row per event and subscription. Ids come one at a time from the sequence, so
-- they follow commit order within an audience (its events are written under its row lock), and a
-- delivery waits while an earlier one with the same ordering key is still pending. A sender
-- claims a row by setting lease_until with a conditional update, which works across nodes on
-- both databases; a node that dies mid-delivery leaves a lease that runs out and is claimed again.
create sequence webhook_delivery_seq start with 1 increment by 1;
create table webhook_delivery (
    id               bigint        primary key,
    subscription_id  varchar(36)   not null references webhook_subscription (id),
    event_id         varchar(36)   not null references webhook_event (id),
    ordering_key     varchar(80),
    status           varchar(10)   not null,
    attempts         integer       not null,
    next_attempt_at  timestamp with time zone not null,
    lease_until      timestamp with time zone,
    response_status  integer,
    response_excerpt varchar(500),
    last_error       varchar(500),
    created_at       timestamp with time zone not null,
    last_attempt_at  timestamp with time zone,
    delivered_at     timestamp with time zone
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_order on webhook_delivery (subscription_id, ordering_key, status, id);
create index webhook_delivery_event on webhook_delivery (event_id);
