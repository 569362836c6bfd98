-- Panelists' notes during a session. A note is stamped once, when it is created: the time since the
-- session started and the prompt on the candidate's screen then (a PromptRef as JSON, null when
-- nothing was pushed yet). Edits bump the version (optimistic locking: a stale save is refused).
create table session_note (
    id         bigint generated always as identity primary key,
    session_id bigint      not null references panel_session (id) on delete cascade,
    author     varchar(40) not null references user_account (username),
    private    boolean     not null default false,
    text       text        not null,
    offset_ms  bigint      not null check (offset_ms >= 0),
    prompt     jsonb,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0,
    -- The service checks the same limit first, with a message; this only guards other writers.
    constraint session_note_text_length check (char_length(text) <= 20000)
);
-- The session's timeline, newest first; and "my notes" within a session.
create index session_note_session_idx on session_note (session_id, created_at desc);
create index session_note_author_idx on session_note (author, session_id);

-- Quick tags have no table: a tag is a TAG_ADDED event (the log is append-only, which is what a tag
-- is) whose payload carries the tag, the offset and the prompt. This index reads them back without
-- scanning the rest of a busy session's log.
create index session_event_tag_idx on session_event (session_id, seq) where type = 'TAG_ADDED';
