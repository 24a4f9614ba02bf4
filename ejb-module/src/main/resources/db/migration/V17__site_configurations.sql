-- Site configurations of the customer's chat widget, the site a customer came from, and the
-- agent's e-mail alert. Runs unchanged on H2 2.x and PostgreSQL 13+.

-- One embedding of the widget: its public key (the embed snippet's data-site), texts and
-- questionnaires (JSON, per language; read and written whole), and switches.
create table site (
    site_key           varchar(40)    primary key,
    organization_id    varchar(36)    not null references organization (id),
    name               varchar(100)   not null,
    default_language   varchar(2)     not null,
    texts              varchar(40000) not null,
    pre_questionnaire  varchar(100000) not null,
    post_questionnaire varchar(100000) not null,
    auto_queue_id      varchar(36)    references queue (id),
    rating             boolean        not null,
    attachments        boolean        not null,
    video              boolean        not null,
    created_at         timestamp with time zone not null,
    version            bigint         not null
);
create index site_organization on site (organization_id, name);

-- The queues a site offers, in its order.
create table site_queue (
    site_key varchar(40) not null references site (site_key) on delete cascade,
    position integer     not null,
    queue_id varchar(36) not null references queue (id),
    primary key (site_key, position)
);

-- The pages that may embed a site's widget and call its API (scheme://host[:port]). Looked up by
-- origin for every cross-origin customer call and chat socket handshake.
create table site_origin (
    site_key varchar(40)  not null references site (site_key) on delete cascade,
    origin   varchar(300) not null,
    primary key (site_key, origin)
);
create index site_origin_origin on site_origin (origin);

-- The site a request or contact came through; no foreign key, so that deleting a site keeps the
-- history it leaves behind.
alter table audience add column site_key varchar(40);
alter table registered_contact add column site_key varchar(40);

-- "E-mail me when someone leaves their contact details", off until the agent turns it on.
alter table agent add column alert_email boolean default false not null;
