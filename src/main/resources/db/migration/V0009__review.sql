-- Review after the session (issue 8): who the candidate is across sessions, the panel's verdict,
-- coaching notes, development reports, the candidate's self-assessment, and the audit log.

-- A candidate is a person across sessions. Sessions are grouped by e-mail address (an alias row per
-- address, so that merging two records keeps both addresses pointing at the one person); a session
-- without an address is its own candidate until a coach merges it.
create table candidate (
    id            bigint generated always as identity primary key,
    display_name  varchar(100) not null,
    created_at    timestamptz  not null,
    -- Set when an admin anonymised the person: the name is replaced, the aliases are gone.
    anonymised_at timestamptz
);

create table candidate_alias (
    email        varchar(254) primary key check (email = lower(email)),
    candidate_id bigint       not null references candidate (id) on delete cascade
);
create index candidate_alias_candidate_idx on candidate_alias (candidate_id);

alter table panel_session add column candidate_id bigint references candidate (id);
-- Set when the session lost its identity and its texts (privacy request or retention job).
alter table panel_session add column anonymised_at timestamptz;

-- One candidate per distinct address (named as in the newest session), one per session without one.
do $$
declare
    session record;
    person  bigint;
begin
    for session in select id, candidate_name, lower(candidate_email) as email, created_at
                     from panel_session order by created_at desc, id desc loop
        person := null;
        if session.email is not null then
            select candidate_id into person from candidate_alias where email = session.email;
        end if;
        if person is null then
            insert into candidate (display_name, created_at)
                 values (session.candidate_name, session.created_at) returning id into person;
            if session.email is not null then
                insert into candidate_alias (email, candidate_id) values (session.email, person);
            end if;
        end if;
        update panel_session set candidate_id = person where id = session.id;
    end loop;
end $$;

alter table panel_session alter column candidate_id set not null;
create index panel_session_candidate_idx on panel_session (candidate_id, created_at desc);

-- The panel's overall recommendation for the session (1 strong no .. 4 strong yes), recorded by the
-- lead once the panel agreed on it; the individual recommendations are on the score sheets.
create table session_verdict (
    session_id     bigint       primary key references panel_session (id) on delete cascade,
    recommendation smallint     not null check (recommendation between 1 and 4),
    note           text         not null default '' check (char_length(note) <= 5000),
    recorded_by    varchar(40)  not null references user_account (username),
    recorded_at    timestamptz  not null,
    version        bigint       not null default 0
);

-- A coach's observations, during the live session (stamped like panel notes) or afterwards (then
-- pinned to a moment the coach picked, or to none). Coaches only; the panel only when shared.
create table coaching_note (
    id                bigint generated always as identity primary key,
    session_id        bigint      not null references panel_session (id) on delete cascade,
    author            varchar(40) not null references user_account (username),
    text              text        not null check (char_length(text) <= 20000),
    offset_ms         bigint      check (offset_ms >= 0),
    prompt            jsonb,
    shared_with_panel boolean     not null default false,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);
create index coaching_note_session_idx on coaching_note (session_id, created_at);

-- A coach's development report for the candidate of one session. The draft autosaves into
-- 'content'; releasing copies it into 'released_content', which is all the candidate ever sees.
create table development_report (
    id               bigint generated always as identity primary key,
    session_id       bigint      not null unique references panel_session (id) on delete cascade,
    author           varchar(40) not null references user_account (username),
    content          jsonb       not null,
    released_content jsonb,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    released_at      timestamptz,
    version          bigint      not null default 0
);

-- The candidate's link to a released report: same rules as the invite (hash only, expiry, revoke;
-- re-issuing replaces the row and so the link).
create table report_link (
    report_id  bigint      primary key references development_report (id) on delete cascade,
    token_hash bytea       not null unique,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);

-- The candidate's rating of themselves on the session's rubric, through their link after the session.
create table self_assessment (
    session_id   bigint      not null,
    scenario     integer     not null,
    area         integer     not null check (area >= 0),
    score        smallint    not null check (score between 1 and 4),
    comment      text        not null default '' check (char_length(comment) <= 2000),
    submitted_at timestamptz not null,
    primary key (session_id, scenario, area),
    constraint self_assessment_scenario_fk foreign key (session_id, scenario)
        references session_scenario (session_id, position) on delete cascade
);

-- The candidate's rating of the session itself.
create table session_feedback (
    session_id   bigint      primary key references panel_session (id) on delete cascade,
    rating       smallint    not null check (rating between 1 and 5),
    comment      text        not null default '' check (char_length(comment) <= 2000),
    submitted_at timestamptz not null
);

-- Who did what to whose data: privacy actions, merges, and every look by a coach or admin at a
-- session they did not sit on. Append-only; never holds note text, tokens or e-mail addresses.
create table audit_log (
    id      bigint generated always as identity primary key,
    at      timestamptz  not null,
    actor   varchar(100) not null,
    action  varchar(40)  not null,
    subject varchar(100) not null,
    detail  text         not null default ''
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_subject_idx on audit_log (subject, at desc);
