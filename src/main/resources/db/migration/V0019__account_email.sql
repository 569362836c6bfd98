-- Accounts' own e-mail addresses (decision 0040): optional, so that co-panelists and observing
-- coaches can get their panel invitations. The app checks the address (base.EmailAddresses); the
-- database keeps it within RFC 5321's 254 characters and unique regardless of case, present or not.
alter table user_account
    add column email varchar(254);
create unique index user_account_email_key on user_account (lower(email)) where email is not null;
