-- Sign-in throttle, rebuilt so that checking and recording an attempt is one atomic step across
-- nodes (decision 0003): one counter row per (account, address) pair, per address and per account,
-- each with the start of its window. An attempt locks its three rows in this fixed order (pair,
-- address, account) in one short transaction, so attempts in parallel queue instead of racing,
-- and no two attempts can deadlock.
drop table login_failure;

create table login_throttle (
    scope        varchar(7)   not null check (scope in ('pair', 'address', 'account')),
    account      varchar(255) not null, -- normalized username as typed ('' on an address counter)
    address      varchar(64)  not null, -- client address ('' on an account counter)
    window_start timestamptz  not null,
    failures     integer      not null check (failures >= 0),
    primary key (scope, account, address)
);
create index login_throttle_window_idx on login_throttle (window_start);

-- Incremented when an admin disables an account or resets its password (and on a change of one's
-- own password): a signed-in session remembers the value it signed in with and ends once it differs
-- (decision 0012).
alter table user_account add column session_epoch integer not null default 0;
