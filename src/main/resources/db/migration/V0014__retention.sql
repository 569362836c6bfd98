-- Privacy (issue 8, decision 0030): the retention job finds ended sessions not yet anonymised by the
-- time they ended; and it leaves a note of its last run for the privacy page (one row, any node).
create index panel_session_retention_idx on panel_session (ended_at)
    where anonymised_at is null and state in ('COMPLETED', 'CANCELLED');

create table retention_run (
    id         smallint    primary key default 1 check (id = 1),
    ran_at     timestamptz not null,
    cutoff     timestamptz not null,
    anonymised integer     not null check (anonymised >= 0)
);
