-- Canned messages, tags and notes (issue 5, items 4-6). Runs unchanged on H2 2.x and PostgreSQL.

-- A canned message belongs to one agent (personal) or to the whole organization. owner_id is the
-- agent's id or the organization's id, so one unique key covers "unique per agent" and "unique per
-- organization" (ids are random UUIDs and never collide).
create table canned_message (
    id              varchar(36)   primary key,
    organization_id varchar(36)   not null references organization (id),
    agent_id        varchar(36)   references agent (id),
    owner_id        varchar(36)   not null,
    keyword         varchar(32)   not null,
    message         varchar(2000) not null,
    created_at      timestamp with time zone not null,
    constraint canned_message_keyword_unique unique (owner_id, keyword)
);
create index canned_message_organization on canned_message (organization_id);

-- The organization's tag tree: categories (no parent) and their subcategories. sibling_key is the
-- parent's id, or the organization's id for a category; name_key the lower-cased name, so that a
-- name is unique among siblings whatever its case.
create table tag (
    id              varchar(36)  primary key,
    organization_id varchar(36)  not null references organization (id),
    parent_id       varchar(36)  references tag (id),
    sibling_key     varchar(36)  not null,
    name            varchar(60)  not null,
    name_key        varchar(60)  not null,
    colour          varchar(7)   not null,
    created_at      timestamp with time zone not null,
    constraint tag_name_unique unique (sibling_key, name_key)
);
create index tag_organization on tag (organization_id);

create table audience_tag (
    id          varchar(36) primary key,
    audience_id varchar(36) not null references audience (id),
    tag_id      varchar(36) not null references tag (id),
    added_at    timestamp with time zone not null,
    -- Null when a rule added it from the customer's answers.
    added_by    varchar(36) references agent (id),
    constraint audience_tag_unique unique (audience_id, tag_id)
);
create index audience_tag_tag on audience_tag (tag_id);

-- "When answer <field> = <value> add tag <tag>", for one queue or (queue_id null) every queue.
-- value_key is the lower-cased value: the comparison ignores case.
create table tag_rule (
    id              varchar(36)  primary key,
    organization_id varchar(36)  not null references organization (id),
    queue_id        varchar(36)  references queue (id),
    answer_field    varchar(100) not null,
    answer_value    varchar(1000) not null,
    value_key       varchar(1000) not null,
    tag_id          varchar(36)  not null references tag (id),
    created_at      timestamp with time zone not null
);
create index tag_rule_organization on tag_rule (organization_id);
create index tag_rule_tag on tag_rule (tag_id);

-- The note form of a queue: its fields in order. options holds a choice's options, one a line.
create table note_field (
    id              varchar(36)  primary key,
    organization_id varchar(36)  not null references organization (id),
    queue_id        varchar(36)  not null references queue (id),
    label           varchar(100) not null,
    kind            varchar(10)  not null,
    options         varchar(4000),
    sort_order      integer      not null,
    created_at      timestamp with time zone not null
);
create index note_field_queue on note_field (queue_id);

create table audience_note (
    id          varchar(36)    primary key,
    audience_id varchar(36)    not null references audience (id),
    field_id    varchar(36)    not null references note_field (id),
    note_value  varchar(10000) not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(36)    references agent (id),
    constraint audience_note_unique unique (audience_id, field_id)
);
