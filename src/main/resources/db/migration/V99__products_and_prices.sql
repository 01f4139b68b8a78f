-- billing: an organization's catalog (products and their prices), mirrored to and from its Stripe account.
create table products (
    organization_id       uuid not null,
    id                    uuid not null,
    stripe_product_id     text,
    name                  text not null,
    description           text,
    metadata              jsonb not null default '{}',
    status                text not null check (status in ('pending', 'unknown', 'active', 'archived', 'deleted')),
    idempotency_key       text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    primary key (organization_id, id),
    unique (organization_id, stripe_product_id),
    unique (organization_id, idempotency_key)
);
create index products_listing on products (organization_id, created_at desc, id desc);

create table prices (
    organization_id           uuid not null,
    id                        uuid not null,
    product_id                uuid not null,
    stripe_price_id           text,
    currency                  text not null,
    unit_amount               bigint,
    type                      text not null check (type in ('one_time', 'recurring')),
    recurring_interval        text check (recurring_interval in ('day', 'week', 'month', 'year')),
    recurring_interval_count  integer,
    billing_scheme            text not null default 'per_unit' check (billing_scheme in ('per_unit', 'tiered')),
    tiers_mode                text check (tiers_mode in ('graduated', 'volume')),
    tiers                     jsonb,
    lookup_key                text,
    nickname                  text,
    metadata                  jsonb not null default '{}',
    status                    text not null check (status in ('pending', 'unknown', 'active', 'archived')),
    idempotency_key           text,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    primary key (organization_id, id),
    unique (organization_id, stripe_price_id),
    unique (organization_id, idempotency_key),
    foreign key (organization_id, product_id) references products (organization_id, id),
    check ((type = 'recurring') = (recurring_interval is not null))
);
create index prices_of_product on prices (organization_id, product_id, created_at);
create index prices_listing on prices (organization_id, created_at desc, id desc);
