-- The time zone the candidate's browser named when they opened their room (decision 0045), so that
-- later mails to them give the time in their zone. Null until then; the app writes only known IANA
-- region ids (checked with java.time.ZoneId), and reads them back through the same check.
alter table panel_session
    add column candidate_zone varchar(64);
