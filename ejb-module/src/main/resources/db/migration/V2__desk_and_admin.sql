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
