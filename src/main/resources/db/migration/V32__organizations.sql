-- organizations: the tenants, and the Stripe account each one uses (keys encrypted with AES-GCM).
create table organizations (
    id          uuid primary key,
    name        text not null,
    created_by  uuid,
    created_at  timestamptz not null default now()
);

create table stripe_accounts (
    organization_id            uuid primary key references organizations (id) on delete cascade,
    source                     text not null check (source in ('sandbox', 'stripe')),
    mode                       text not null check (mode in ('sandbox', 'test', 'live')),
    publishable_key            text not null,
    secret_key_ciphertext      bytea not null,
    secret_key_hint            text not null,
    webhook_secret_ciphertext  bytea,
    webhook_endpoint_id        text,
    webhook_status             text not null default 'not_registered',
    webhook_message            text,
    check_status               text not null default 'unchecked',
    check_message              text,
    checked_at                 timestamptz,
    updated_at                 timestamptz not null default now()
);
