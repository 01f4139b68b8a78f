-- billing: an organization's subscriptions (Stripe's Subscription and its items), mirrored to and from its Stripe
-- account. The customer and prices are kept by their Stripe ids, with Paydeck's ids when Paydeck knows them.
create table subscriptions (
    organization_id         uuid not null,
    id                      uuid not null,
    stripe_subscription_id  text,
    customer_id             uuid,
    stripe_customer_id      text not null,
    status                  text not null check (status in ('pending', 'unknown', 'incomplete', 'incomplete_expired',
                                'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused')),
    collection_method       text not null check (collection_method in ('charge_automatically', 'send_invoice')),
    days_until_due          integer,
    trial_period_days       integer,
    currency                text,
    current_period_start    timestamptz,
    current_period_end      timestamptz,
    trial_start             timestamptz,
    trial_end               timestamptz,
    cancel_at_period_end    boolean not null default false,
    canceled_at             timestamptz,
    ended_at                timestamptz,
    latest_invoice          text,
    metadata                jsonb not null default '{}',
    stripe_event_created    bigint,
    idempotency_key         text,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    primary key (organization_id, id),
    unique (organization_id, stripe_subscription_id),
    unique (organization_id, idempotency_key)
);
create index subscriptions_listing on subscriptions (organization_id, created_at desc, id desc);
create index subscriptions_of_customer on subscriptions (organization_id, customer_id);
create index subscriptions_needing_attention on subscriptions (organization_id, status)
    where status in ('past_due', 'unpaid', 'incomplete');

create table subscription_items (
    organization_id   uuid not null,
    subscription_id   uuid not null,
    position          integer not null,
    stripe_item_id    text,
    price_id          uuid,
    stripe_price_id   text not null,
    quantity          bigint not null check (quantity >= 0),
    unit_amount       bigint,
    currency          text not null,
    primary key (organization_id, subscription_id, position),
    foreign key (organization_id, subscription_id) references subscriptions (organization_id, id) on delete cascade
);
create index subscription_items_by_price on subscription_items (organization_id, price_id);
