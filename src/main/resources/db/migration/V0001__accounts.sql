-- Accounts of people who sign in: admins, interviewers and coaches. Candidates never get one.
create table user_account (
    id            bigint generated always as identity primary key,
    username      varchar(40)  not null,
    display_name  varchar(100) not null,
    role          varchar(20)  not null check (role in ('ADMIN', 'INTERVIEWER', 'COACH')),
    password_hash varchar(255) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0,
    constraint user_account_username_lowercase check (username = lower(username))
);
create unique index user_account_username_key on user_account (username);

-- Failed sign-ins, kept in the database so that every app node throttles the same way.
create table login_failure (
    id             bigint generated always as identity primary key,
    username       varchar(255) not null,
    remote_address varchar(64)  not null,
    failed_at      timestamptz  not null
);
create index login_failure_username_idx on login_failure (username, failed_at);
create index login_failure_address_idx on login_failure (remote_address, failed_at);
