-- The desk and the admin screens (issue 4).

-- Staff accounts: an e-mail address, the agent's desk alerts, and removal. A removed agent can
-- no longer sign in, but stays as the name behind the audiences and log lines they took part in.
alter table agent add column email varchar(254);
alter table agent add column alert_sound boolean default true not null;
alter table agent add column alert_desktop boolean default true not null;
alter table agent add column removed_at timestamp with time zone;

-- A deleted queue leaves the organization's lists but keeps its audiences for statistics.
alter table queue add column deleted_at timestamp with time zone;

-- "End and hide": the agent has put a finished conversation out of their sidebar.
alter table audience add column hidden_at timestamp with time zone;

-- An agent added by invitation has no password until they open the link and choose one. Only a
-- SHA-256 of the link's token is kept, like the API's bearer tokens.
alter table agent alter column password_hash drop not null;
create table agent_invitation (
    token_hash varchar(64) primary key,
    agent_id   varchar(36) not null references agent (id),
    expires_at timestamp with time zone not null
);
create index agent_invitation_agent on agent_invitation (agent_id);
