-- Calendar invitations (issue 10, decision 0039): the iCalendar SEQUENCE of a session's invitations.
-- 0 until the first reschedule; every reschedule and the cancellation raise it by one, so a calendar
-- app replaces the entry of the same UID instead of ignoring the update as older.
alter table panel_session
    add column invite_sequence integer not null default 0 check (invite_sequence >= 0);
