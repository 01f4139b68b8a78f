-- billing: an organization's coupons and tax rates, mirrored to and from its Stripe account.
create table coupons (
    organization_id       uuid not null,
    id                    uuid not null,
    stripe_coupon_id      text,
    name                  text,
    percent_off           numeric(5, 2) check (percent_off > 0 and percent_off <= 100),
    amount_off            bigint check (amount_off > 0),
    currency              text,
    duration              text not null check (duration in ('once', 'repeating', 'forever')),
    duration_in_months    integer,
    max_redemptions       bigint,
    redeem_by             timestamptz,
    times_redeemed        bigint not null default 0,
    metadata              jsonb not null default '{}',
    status                text not null check (status in ('pending', 'unknown', 'valid', 'invalid', 'deleted')),
    idempotency_key       text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    primary key (organization_id, id),
    unique (organization_id, stripe_coupon_id),
    unique (organization_id, idempotency_key),
    check ((percent_off is null) <> (amount_off is null)),
    check ((amount_off is null) = (currency is null)),
    check ((duration = 'repeating') = (duration_in_months is not null))
);
create index coupons_listing on coupons (organization_id, created_at desc, id desc);

create table tax_rates (
    organization_id       uuid not null,
    id                    uuid not null,
    stripe_tax_rate_id    text,
    display_name          text not null,
    description           text,
    percentage            numeric(7, 4) not null check (percentage >= 0 and percentage <= 100),
    inclusive             boolean not null,
    country               text,
    state                 text,
    jurisdiction          text,
    metadata              jsonb not null default '{}',
    status                text not null check (status in ('pending', 'unknown', 'active', 'archived')),
    idempotency_key       text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    primary key (organization_id, id),
    unique (organization_id, stripe_tax_rate_id),
    unique (organization_id, idempotency_key)
);
create index tax_rates_listing on tax_rates (organization_id, created_at desc, id desc);
