-- Agents at their desks, for the operators' live dashboard. One row per agent and node that holds
-- an open desk of theirs: the node adds it when the desk's signal socket opens, removes it when
-- the agent's last desk there closes, and renews seen_at every few seconds. A row whose node died
-- is not renewed and stops counting once it is stale, so several nodes need no shared memory and a
-- killed node does not keep its agents online.
create table agent_presence (
    agent_id        varchar(36) not null references agent (id),
    node_id         varchar(36) not null,
    organization_id varchar(36) not null references organization (id),
    since           timestamp with time zone not null,
    seen_at         timestamp with time zone not null,
    primary key (agent_id, node_id)
);
create index agent_presence_organization on agent_presence (organization_id, seen_at);
