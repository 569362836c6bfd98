-- The scenario library. A scenario is identified by its title (case-insensitive), which is how a
-- re-import recognises a scenario it already has.
create table scenario (
    id               bigint generated always as identity primary key,
    category         varchar(200) not null,
    title            varchar(200) not null,
    level            varchar(200) not null,
    duration_minutes integer      not null check (duration_minutes between 1 and 600),
    company          varchar(200),
    situation        text         not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0
);
create unique index scenario_title_key on scenario (lower(title));

create table scenario_challenge (
    scenario_id bigint  not null references scenario (id) on delete cascade,
    position    integer not null,
    text        text    not null,
    primary key (scenario_id, position)
);

create table discussion_area (
    id          bigint generated always as identity primary key,
    scenario_id bigint       not null references scenario (id) on delete cascade,
    position    integer      not null,
    title       varchar(300) not null
);
create index discussion_area_scenario_idx on discussion_area (scenario_id);

create table discussion_question (
    area_id  bigint  not null references discussion_area (id) on delete cascade,
    position integer not null,
    text     text    not null,
    primary key (area_id, position)
);

-- Guidance from the library's closing section (STAR framework, best practices, common mistakes).
create table guidance_list (
    id       bigint generated always as identity primary key,
    section  varchar(300) not null,
    title    varchar(300) not null,
    position integer      not null
);
create unique index guidance_list_title_key on guidance_list (lower(title));

create table guidance_item (
    list_id  bigint       not null references guidance_list (id) on delete cascade,
    position integer      not null,
    label    varchar(300) not null,
    text     text         not null,
    primary key (list_id, position)
);

-- Every import, who did it and what it changed: an audit trail, and the marker that the seed
-- library was loaded once (so deleting seed scenarios later never brings them back).
create table scenario_import (
    id                  bigint generated always as identity primary key,
    imported_at         timestamptz  not null,
    imported_by         varchar(40)  not null,
    source_name         varchar(255) not null,
    scenarios_added     integer      not null,
    scenarios_updated   integer      not null,
    scenarios_unchanged integer      not null,
    guidance_changed    integer      not null
);
