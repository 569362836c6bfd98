-- Scheduling (issue 10, decision 0037): a session's start as an instant, the IANA time zone the lead
-- picked it in (for showing it as the lead meant it, and for calendar invitations), its planned length,
-- and the link of the video call. All nullable: a session without a start is "not scheduled", as every
-- session made before this was. The three parts of the schedule are set together or not at all.
alter table panel_session
    add column starts_at       timestamptz,
    add column time_zone       text,
    add column planned_minutes integer,
    add column meeting_url     text;

alter table panel_session
    add constraint panel_session_schedule_whole check (
        (starts_at is null and time_zone is null and planned_minutes is null)
        or (starts_at is not null and time_zone is not null and planned_minutes is not null)),
    add constraint panel_session_planned_minutes check (planned_minutes between 5 and 480),
    add constraint panel_session_time_zone_length check (length(time_zone) <= 64),
    add constraint panel_session_meeting_url check (length(meeting_url) <= 2000 and meeting_url ~* '^https://');
