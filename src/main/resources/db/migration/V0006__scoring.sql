-- Blind scoring of a panel session (decision 0008). Per scenario of the agenda, every scoring
-- member (the lead and the panelists) fills in one sheet: a 1-4 score and a justification per
-- discussion area, and an overall recommendation. The service hides others' sheets until the
-- reader submitted their own; the lead reveals a scenario's sheets together and then records the
-- panel's consensus per area. Every change also appends one event to session_event.

create table score_sheet (
    id                  bigint generated always as identity primary key,
    session_id          bigint      not null,
    -- The agenda position (session_scenario.position), as elsewhere in the panel.
    scenario            integer     not null,
    author              varchar(40) not null references user_account (username),
    state               varchar(20) not null check (state in ('DRAFT', 'SUBMITTED')),
    -- 1 strong no, 2 no, 3 yes, 4 strong yes; a draft may leave it empty.
    recommendation      smallint    check (recommendation between 1 and 4),
    recommendation_text text        not null default '' check (char_length(recommendation_text) <= 5000),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    submitted_at        timestamptz,
    -- Optimistic lock: every save names the version it started from and increments it.
    version             bigint      not null,
    constraint score_sheet_one_per_author unique (session_id, scenario, author),
    constraint score_sheet_scenario_fk foreign key (session_id, scenario)
        references session_scenario (session_id, position) on delete cascade,
    constraint score_sheet_submitted_complete
        check (state = 'DRAFT' or (recommendation is not null and submitted_at is not null))
);
create index score_sheet_author_idx on score_sheet (author);

-- One row per discussion area the author wrote anything for; a submitted sheet has every area.
create table area_score (
    sheet_id      bigint   not null references score_sheet (id) on delete cascade,
    -- The index of the area in the scenario's discussion areas.
    area          integer  not null check (area >= 0),
    score         smallint check (score between 1 and 4),
    justification text     not null default '' check (char_length(justification) <= 5000),
    primary key (sheet_id, area)
);

-- A scenario's sheets, revealed together by the lead once every scoring member submitted.
-- Its existence freezes the scenario's sheets.
create table score_reveal (
    session_id  bigint      not null,
    scenario    integer     not null,
    revealed_at timestamptz not null,
    revealed_by varchar(40) not null references user_account (username),
    primary key (session_id, scenario),
    constraint score_reveal_scenario_fk foreign key (session_id, scenario)
        references session_scenario (session_id, position) on delete cascade
);

-- The panel's agreed score per area, recorded by the lead after the reveal (the foreign key
-- makes "after the reveal" a rule of the schema too).
create table consensus_score (
    session_id  bigint      not null,
    scenario    integer     not null,
    area        integer     not null check (area >= 0),
    score       smallint    not null check (score between 1 and 4),
    note        text        not null default '' check (char_length(note) <= 5000),
    recorded_by varchar(40) not null references user_account (username),
    recorded_at timestamptz not null,
    version     bigint      not null,
    primary key (session_id, scenario, area),
    constraint consensus_score_reveal_fk foreign key (session_id, scenario)
        references score_reveal (session_id, scenario) on delete cascade
);
