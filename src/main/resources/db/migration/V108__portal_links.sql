-- Customer portal links: each lets whoever holds it manage one customer's cards (and, later, invoices and
-- subscriptions) until it expires. Only a hash of the token is kept: the table alone opens no portal.
create table portal_links (
    token_hash       text primary key,
    organization_id  uuid not null,
    customer_id      uuid not null,
    return_url       text,
    created_at       timestamptz not null,
    expires_at       timestamptz not null
);
create index portal_links_customer on portal_links (organization_id, customer_id);
create index portal_links_expired on portal_links (expires_at);
