-- Live panel sessions. A session belongs to its lead; panelists and observing coaches are members.
create table panel_session (
    id              bigint generated always as identity primary key,
    title           varchar(200) not null,
    candidate_name  varchar(100) not null,
    candidate_email varchar(254),
    lead_username   varchar(40)  not null references user_account (username),
    state           varchar(20)  not null default 'SCHEDULED'
                        check (state in ('SCHEDULED', 'LIVE', 'COMPLETED', 'CANCELLED')),
    created_at      timestamptz  not null,
    started_at      timestamptz,
    ended_at        timestamptz,
    -- The per-session event sequence: incremented under the row lock, so sequence order is commit order.
    last_event_seq  bigint       not null default 0
);

create table session_member (
    session_id bigint      not null references panel_session (id) on delete cascade,
    username   varchar(40) not null references user_account (username),
    role       varchar(20) not null check (role in ('LEAD', 'PANELIST', 'OBSERVER')),
    primary key (session_id, username)
);
create index session_member_username_idx on session_member (username);

-- The agenda: a snapshot of each scenario's content, so later library edits never change history.
create table session_scenario (
    session_id         bigint  not null references panel_session (id) on delete cascade,
    position           integer not null,
    source_scenario_id bigint  references scenario (id) on delete set null,
    content            jsonb   not null,
    primary key (session_id, position)
);

-- Every live change of a session, append-only, numbered per session. NOTIFY only wakes listeners;
-- UIs read from here by sequence number.
create table session_event (
    session_id bigint       not null references panel_session (id) on delete cascade,
    seq        bigint       not null,
    type       varchar(40)  not null,
    payload    jsonb        not null,
    actor      varchar(100) not null,
    created_at timestamptz  not null,
    primary key (session_id, seq)
);
