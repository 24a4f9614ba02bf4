-- Attachments: files and pictures sent as messages. They live in the database so that every node
-- of a cluster serves every file. A file's facts (attachment) and its bytes (attachment_content)
-- are apart, so listing messages never reads the bytes. An attachment message has no text.
alter table queue add column attachments varchar(12) default 'MEMBERS' not null;

create table attachment (
    id            varchar(36)  primary key,
    audience_id   varchar(36)  not null references audience (id),
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    has_thumbnail boolean      not null,
    created_at    timestamp with time zone not null
);
create index attachment_audience on attachment (audience_id);

create table attachment_content (
    attachment_id  varchar(36) primary key references attachment (id),
    content        bytea not null,
    -- A PNG scaled down from a picture, when the server could read it.
    thumbnail      bytea
);

alter table chat_message add column attachment_id varchar(36);
alter table chat_message add constraint chat_message_attachment foreign key (attachment_id) references attachment (id);
alter table chat_message alter column text drop not null;
