-- checkout: what an organization's public storefront (/shop/{organization}) sells; prices in minor units.
-- Named shop_items so that Stripe's products and prices (billing) can have their own tables later.
create table shop_items (
    organization_id  uuid not null,
    id               uuid not null,
    title            text not null check (length(title) between 1 and 200),
    author           text,
    cover_image      text,
    amount           bigint not null check (amount > 0),
    currency         text not null check (currency ~ '^[A-Z]{3}$'),
    position         integer not null default 0,
    created_at       timestamptz not null,
    primary key (organization_id, id)
);
create index shop_items_listing on shop_items (organization_id, position, title);

-- checkout: the links a customer pays a payment on (/pay/{token}): from the shop, or made by staff. One per payment.
create table pay_links (
    organization_id  uuid not null,
    token            text not null check (length(token) >= 32),
    payment_id       uuid not null,
    source           text not null check (source in ('shop', 'staff')),
    created_at       timestamptz not null,
    primary key (organization_id, token),
    unique (organization_id, payment_id)
);
-- A customer's link names no organization: its token is found directly (random, so unguessable).
create unique index pay_links_token on pay_links (token);
