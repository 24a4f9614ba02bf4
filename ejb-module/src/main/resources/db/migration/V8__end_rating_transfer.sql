-- End, rating, post-audience questionnaire and transfer (issue 5, items 7 and 8).

-- FINISHED -> COMPLETE: a finished conversation stays in the agent's sidebar (tags and notes still
-- editable) until "end and hide" or the completion timer completes it. "Hidden" was the first
-- form of "complete": hidden conversations are complete from now on.
alter table audience add column completed_at timestamp with time zone;
update audience set state = 'COMPLETE', completed_at = hidden_at where state = 'FINISHED' and hidden_at is not null;
alter table audience drop column hidden_at;
-- The completion timer's scan: finished conversations by end time.
create index audience_state_ended on audience (state, ended_at);

-- The customer's rating after the end (1 good, 0 okay, -1 poor; null: not rated) and their
-- post-audience questionnaire answers (JSON string map); each given at most once.
alter table audience add column rating smallint;
alter table audience add constraint audience_rating_range check (rating is null or rating between -1 and 1);
alter table audience add column post_answers varchar(20000);

-- Where a queue's agents may transfer their customers to: other queues of the same organization.
create table queue_transfer_target (
    queue_id         varchar(36) not null references queue (id),
    target_queue_id  varchar(36) not null references queue (id),
    primary key (queue_id, target_queue_id)
);

-- A transfer's log lines name the other queue (the target in the source queue's log and back).
alter table queue_log_entry add column other_queue_id varchar(36);
