-- History (issue 8): the list of past and present sessions, its filters and the search over notes.
-- Decision 0026 explains the choices.

-- When a session was held: its start, or its creation while it has not started. One stored column
-- so that the list's order, its date filter and its index are all the same expression.
alter table panel_session
    add column held_at timestamptz generated always as (coalesce(started_at, created_at)) stored;

-- The list's order (newest first, id breaks ties so that pages are stable) and the date filter.
create index panel_session_history_idx on panel_session (held_at desc, id desc);
-- A rare state (LIVE, SCHEDULED) is found without walking the whole history.
create index panel_session_state_history_idx on panel_session (state, held_at desc, id desc);
-- A candidate's sessions in the list's order (replaces the V0009 index on created_at).
create index panel_session_candidate_history_idx on panel_session (candidate_id, held_at desc, id desc);
drop index panel_session_candidate_idx;

-- "Sessions this person sat on": the interviewer's own list and the interviewer filter, read from
-- the index alone (replaces the single-column index of V0003).
create index session_member_username_session_idx on session_member (username, session_id);
drop index session_member_username_idx;

-- The scenario filter: sessions whose agenda holds a snapshot of this library scenario.
create index session_scenario_source_idx on session_scenario (source_scenario_id, session_id)
    where source_scenario_id is not null;

-- The recommendation filter: the sessions with this verdict, from the index alone.
create index session_verdict_recommendation_idx on session_verdict (recommendation, session_id);

-- Full-text search over note text. 'english': notes are written in English, so stemming lets
-- "scaling" find "scale" and stop words stay out of the index. Stored, so a search never parses text.
alter table session_note
    add column search tsvector generated always as (to_tsvector('english'::regconfig, text)) stored;
create index session_note_search_idx on session_note using gin (search);
