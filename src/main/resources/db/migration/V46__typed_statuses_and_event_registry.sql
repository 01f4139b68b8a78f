-- Every mirrored status column accepts only the statuses of its enum (PaymentStatus, RefundStatus, CustomerStatus;
-- a test checks each enum against these lists). Charges keep Stripe's three charge statuses.
alter table payments add constraint payments_status_check check (status in ('pending', 'unknown',
    'requires_payment_method', 'requires_confirmation', 'requires_action', 'processing', 'requires_capture',
    'succeeded', 'canceled'));
alter table refunds add constraint refunds_status_check check (status in ('pending', 'unknown', 'requires_action',
    'succeeded', 'failed', 'canceled'));
alter table charges add constraint charges_status_check check (status in ('succeeded', 'pending', 'failed'));

-- What a payment was created with, so that the janitor can re-send a create that never reached Stripe with the very
-- same parameters and idempotency key (Stripe refuses a key reused with other parameters).
alter table payments add column create_request jsonb;

-- Spring Modulith's event publication registry (its PostgreSQL schema, v2): events published in a transaction are
-- recorded with it, and each listener's publication is completed (deleted) once that listener has run after commit.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
