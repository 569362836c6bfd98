-- One candidate invite link per session. Only a hash of the token is stored: whoever reads the
-- database cannot join a session. Re-issuing replaces the row (and so the link).
create table session_invite (
    session_id             bigint      primary key references panel_session (id) on delete cascade,
    token_hash             bytea       not null unique,
    issued_at              timestamptz not null,
    expires_at             timestamptz not null,
    revoked_at             timestamptz,
    -- The browser that used the link first (hash of a random key in an HttpOnly cookie).
    bound_browser_hash     bytea,
    bound_at               timestamptz,
    candidate_display_name varchar(100)
);

-- Who has a console or the candidate room open. 'connected' flips with attach/detach (and an
-- event); seen_at is refreshed by a quiet poll, so a crashed browser drops out after a while.
create table session_presence (
    session_id  bigint       not null references panel_session (id) on delete cascade,
    participant varchar(100) not null,
    connected   boolean      not null,
    seen_at     timestamptz  not null,
    primary key (session_id, participant)
);
