-- Every call Paydeck made to an organization's Stripe: what was asked (method, path, idempotency key), what came
-- back (status, Stripe's Request-Id) and how long it took, with the Paydeck object it was about. Written in batches
-- after the call; read for a payment's detail and when something went wrong.
create table stripe_calls (
    organization_id   uuid not null,
    id                bigint generated always as identity,
    object_type       text,
    object_id         text,
    method            text not null,
    path              text not null,
    idempotency_key   text,
    request_id        text,
    status            integer,
    latency_ms        integer not null,
    in_transaction    boolean not null,
    occurred_at       timestamptz not null,
    primary key (organization_id, id)
);
create index stripe_calls_object on stripe_calls (organization_id, object_id, id);
