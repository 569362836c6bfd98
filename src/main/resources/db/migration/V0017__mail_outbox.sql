-- Outgoing e-mail (feature mail): written in the transaction of the change that causes it, sent by
-- a job on any node (OutboxSender). A row is claimed with FOR UPDATE SKIP LOCKED and leased while
-- it is being sent (state SENDING until next_attempt_at), so two nodes never send it at the same
-- time and a node that dies mid-send leaves it to be retried (decision 0038).
create table mail_outbox (
    id                bigint generated always as identity primary key,
    -- Deleting a session deletes its mails: they carry the names and addresses of its people.
    session_id        bigint references panel_session (id) on delete cascade,
    kind              varchar(20)  not null
                          check (kind in ('INVITATION', 'PANEL_INVITATION', 'REMINDER', 'CANCELLATION')),
    recipient_address varchar(254) not null,
    recipient_name    varchar(100) not null,
    subject           varchar(200) not null,
    -- Emptied once sent: a candidate's invitation carries their join link.
    text_body         text         not null,
    html_body         text         not null,
    ics               text,
    -- One mail per (session, recipient, kind, sequence, link): a double click or a retried
    -- transaction never queues the same mail twice.
    dedupe_key        varchar(300) not null unique,
    state             varchar(10)  not null default 'QUEUED'
                          check (state in ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
    -- Incremented by every claim; a sender records its outcome only while the count is its own.
    attempts          integer      not null default 0,
    -- QUEUED: when it is due; SENDING: when the lease of the node sending it runs out.
    next_attempt_at   timestamptz  not null,
    last_error        varchar(300),
    created_at        timestamptz  not null,
    sent_at           timestamptz
);

create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where state in ('QUEUED', 'SENDING');
create index mail_outbox_session_idx on mail_outbox (session_id);
