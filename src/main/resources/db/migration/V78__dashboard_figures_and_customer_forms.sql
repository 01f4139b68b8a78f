-- customers: the key of the page form that created a customer, so that a form submitted twice creates one customer.
alter table customers add column idempotency_key text;
alter table customers add constraint customers_idempotency_key unique (organization_id, idempotency_key);

-- payments: the dashboard's figures (30 days per day and currency: received, refunded, succeeded, failed) are read
-- from this index alone, never from the table's rows, so an organization with 100,000 payments is summed in
-- milliseconds. Payments needing attention (held, failed, stuck) are among those not final, a small share of all.
create index payments_figures on payments (organization_id, created_at)
    include (currency, status, amount_received, amount_refunded, last_error_code);
create index payments_open on payments (organization_id, status, created_at desc)
    where status not in ('succeeded', 'canceled');

-- webhooks: the failed events of an organization, counted on the dashboard and its webhook page.
create index webhook_events_failed on webhook_events (organization_id, received_at desc) where status = 'FAILED';
