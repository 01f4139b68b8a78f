-- platform: Paydeck's own Idempotency-Key for API POSTs, per caller (API key or person).
create table idempotency_records (
    principal     text not null,
    key           text not null,
    request_hash  text not null,
    status        integer,
    content_type  text,
    response      bytea,
    created_at    timestamptz not null default now(),
    primary key (principal, key)
);

-- customers: an organization's customers, mirrored from its Stripe account.
create table customers (
    organization_id     uuid not null,
    id                  uuid not null,
    stripe_customer_id  text,
    email               text,
    name                text,
    phone               text,
    description         text,
    metadata            jsonb not null default '{}',
    status              text not null check (status in ('pending', 'active', 'deleted')),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    deleted_at          timestamptz,
    primary key (organization_id, id),
    unique (organization_id, stripe_customer_id)
);
create index customers_listing on customers (organization_id, created_at desc, id desc);
create index customers_email on customers (organization_id, lower(email));
