-- Event retention (issue 9, decision 0035): session_event becomes a table partitioned by whether a
-- session's events are archived. New events go to session_event_live, which the archive job keeps
-- bounded by moving the events of sessions that finished long ago to session_event_archive (one
-- UPDATE of "archived"; PostgreSQL moves the rows). Every reader keeps reading session_event and
-- sees both partitions: the live path, the review, the replay, privacy and progress are unchanged.
alter table session_event rename to session_event_unpartitioned;
alter index session_event_pkey rename to session_event_unpartitioned_pkey;
alter index session_event_tag_idx rename to session_event_unpartitioned_tag_idx;

create table session_event (
    session_id bigint       not null constraint session_event_session_id_fkey references panel_session (id) on delete cascade,
    seq        bigint       not null,
    type       varchar(40)  not null,
    payload    jsonb        not null,
    actor      varchar(100) not null,
    created_at timestamptz  not null,
    archived   boolean      not null default false,
    -- The partition key must be part of the key; (session_id, seq) stays unique because seq is
    -- numbered from panel_session.last_event_seq under the session's row lock.
    primary key (session_id, seq, archived)
) partition by list (archived);

create table session_event_live partition of session_event for values in (false);
create table session_event_archive partition of session_event for values in (true);

insert into session_event (session_id, seq, type, payload, actor, created_at)
select session_id, seq, type, payload, actor, created_at from session_event_unpartitioned;
drop table session_event_unpartitioned;

create index session_event_tag_idx on session_event (session_id, seq) where type = 'TAG_ADDED';

-- The job finds finished sessions by the time they ended.
create index panel_session_finished_idx on panel_session (ended_at) where state in ('COMPLETED', 'CANCELLED');
