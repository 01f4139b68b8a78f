-- payments: PaymentIntents, their charges and refunds, as the organization's Stripe reported them.
create table payments (
    organization_id           uuid not null,
    id                        uuid not null,
    stripe_payment_intent_id  text,
    customer_id               uuid,
    amount                    bigint not null check (amount > 0),
    currency                  text not null,
    description               text,
    metadata                  jsonb not null default '{}',
    capture_method            text not null check (capture_method in ('automatic', 'manual')),
    status                    text not null,
    amount_received           bigint not null default 0,
    amount_capturable         bigint not null default 0,
    amount_refunded           bigint not null default 0,
    last_error_code           text,
    last_decline_code         text,
    last_error_message        text,
    idempotency_key           text,
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now(),
    primary key (organization_id, id),
    unique (organization_id, stripe_payment_intent_id),
    unique (organization_id, idempotency_key)
);
create index payments_listing on payments (organization_id, created_at desc, id desc);
create index payments_customer on payments (organization_id, customer_id);

create table charges (
    organization_id   uuid not null,
    id                text not null,
    payment_id        uuid not null,
    amount            bigint not null,
    amount_captured   bigint not null default 0,
    amount_refunded   bigint not null default 0,
    currency          text not null,
    status            text not null,
    paid              boolean not null,
    captured          boolean not null,
    failure_code      text,
    failure_message   text,
    card_brand        text,
    card_last4        text,
    created           bigint not null,
    primary key (organization_id, id)
);
create index charges_payment on charges (organization_id, payment_id);

create table refunds (
    organization_id   uuid not null,
    id                uuid not null,
    stripe_refund_id  text,
    payment_id        uuid not null,
    amount            bigint not null check (amount > 0),
    currency          text not null,
    reason            text,
    status            text not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (organization_id, id),
    unique (organization_id, stripe_refund_id)
);
create index refunds_payment on refunds (organization_id, payment_id);
