-- The payments pages (issue 16): a form's idempotency key per refund, so a double-submitted refund form refunds once;
-- indexes that keep the filtered payment list fast in an organization of 100,000 payments (by status, refunded,
-- description text) and a payment's history of webhook events (by the Stripe object they are about).
alter table refunds add column idempotency_key text;
create unique index refunds_idempotency on refunds (organization_id, idempotency_key)
    where idempotency_key is not null;

create index payments_by_status on payments (organization_id, status, created_at desc, id desc);
create index payments_refunded on payments (organization_id, created_at desc, id desc) where amount_refunded > 0;
create index payments_failed on payments (organization_id, created_at desc, id desc)
    where status = 'requires_payment_method' and (last_error_code is not null or last_error_message is not null);

create index webhook_events_object on webhook_events (organization_id, object_id);

-- Substring search of descriptions through a trigram index; without pg_trgm (see V60) the search still works,
-- reading the organization's payments in the listing index's order.
do $$
begin
    create extension if not exists pg_trgm;
    create index payments_description_trigrams on payments using gin (lower(description) gin_trgm_ops);
exception
    when others then
        raise notice 'No trigram index for payment descriptions (%): text searches read the payments', sqlerrm;
end
$$;
