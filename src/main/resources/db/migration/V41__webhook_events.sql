-- webhooks: every verified Stripe event as it arrived (raw body), and its processing state. The unique
-- (organization_id, stripe_event_id) makes a redelivery a no-op; the queue index serves the workers' claims.
create table webhook_events (
    organization_id   uuid not null,
    id                uuid not null,
    stripe_event_id   text not null,
    type              text not null,
    object_id         text,
    created           bigint not null,
    livemode          boolean not null,
    payload           text not null,
    status            text not null check (status in ('RECEIVED', 'PROCESSING', 'PROCESSED', 'FAILED', 'IGNORED')),
    attempts          int not null default 0,
    next_attempt_at   timestamptz,
    last_error        text,
    received_at       timestamptz not null default now(),
    processed_at      timestamptz,
    updated_at        timestamptz not null default now(),
    primary key (organization_id, id),
    unique (organization_id, stripe_event_id)
);
create index webhook_events_queue on webhook_events (next_attempt_at)
    where status in ('RECEIVED', 'PROCESSING');
create index webhook_events_listing on webhook_events (organization_id, received_at desc, id desc);
