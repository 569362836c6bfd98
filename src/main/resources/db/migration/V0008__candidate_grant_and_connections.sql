-- The joined browser's access to the room: set when a browser joins with the link, kept while it
-- returns, cleared by a revoke, a re-issue or a release. The candidate's principal carries it, and
-- every candidate request is checked against it, so access follows the invite at once.
alter table session_invite add column candidate_grant uuid;

-- Presence per open screen (a console, a candidate room), not per person: someone is online while at
-- least one of their screens is connected. A screen's row is removed when it closes; a quiet poll
-- refreshes seen_at, so the screen of a browser that died drops out after a while.
drop table session_presence;
create table session_connection (
    connection_id uuid         primary key,
    session_id    bigint       not null references panel_session (id) on delete cascade,
    participant   varchar(100) not null,
    opened_at     timestamptz  not null,
    seen_at       timestamptz  not null
);
create index session_connection_session_idx on session_connection (session_id, participant, seen_at);
