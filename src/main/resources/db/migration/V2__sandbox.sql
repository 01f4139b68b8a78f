-- The sandbox's own storage (schema "sandbox"): Stripe objects as JSON documents per sandbox account.
-- Owned by the sandbox module only; no other module reads these tables.
create schema if not exists sandbox;

create table sandbox.accounts (
    id               text primary key,
    name             text not null,
    secret_key       text not null unique,
    publishable_key  text not null unique,
    created_at       timestamptz not null default now()
);

create table sandbox.objects (
    account_id  text not null references sandbox.accounts (id) on delete cascade,
    id          text not null,
    object      text not null,
    created     bigint not null,
    seq         bigserial not null,
    data        jsonb not null,
    primary key (account_id, id)
);
create index objects_listing on sandbox.objects (account_id, object, seq desc);
create index objects_data on sandbox.objects using gin (data jsonb_path_ops);

create table sandbox.idempotency_keys (
    account_id    text not null references sandbox.accounts (id) on delete cascade,
    key           text not null,
    request_hash  text not null,
    request_id    text not null,
    status        integer,
    response      text,
    created_at    timestamptz not null default now(),
    primary key (account_id, key)
);

create table sandbox.request_log (
    id               bigserial primary key,
    account_id       text,
    request_id       text not null,
    method           text not null,
    path             text not null,
    status           integer not null,
    idempotency_key  text,
    created_at       timestamptz not null default now()
);
create index request_log_recent on sandbox.request_log (account_id, id desc);
