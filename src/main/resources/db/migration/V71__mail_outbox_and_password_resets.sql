-- platform: every mail Paydeck sends, kept whether or not an SMTP server is configured. Without one the mails stay
-- here ('outbox') and the outbox page shows them; with one they are 'pending' until sent ('sent'), or 'failed'
-- (last_error) and tried again at next_attempt_at. organization_id: the organization a mail is about, if any (a
-- password reset is about nobody's organization), so this table is global data like people.
create table mail_outbox (
    id               uuid primary key,
    -- Derived from what caused the mail (e.g. the module event): a mail is kept, and sent, once per key.
    idempotency_key  text not null unique,
    organization_id  uuid,
    to_address       text not null,
    subject          text not null,
    -- Null once a confidential mail (a single-use link) has been sent.
    text_body        text,
    html_body        text,
    confidential     boolean not null default false,
    status           text not null check (status in ('outbox', 'pending', 'sent', 'failed')),
    attempts         integer not null default 0,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    next_attempt_at  timestamptz
);
create index mail_outbox_organization on mail_outbox (organization_id, created_at desc);
create index mail_outbox_to on mail_outbox (lower(to_address), created_at desc);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status in ('pending', 'failed');

-- accounts: links that let a person choose a new password. Only a keyed hash of the token is kept; a token is
-- good once (used_at), until expires_at. id: the request's, so a request delivered twice makes one token.
create table password_resets (
    id          uuid primary key,
    person_id   uuid not null references people (id) on delete cascade,
    token_hash  text not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index password_resets_person on password_resets (person_id);
