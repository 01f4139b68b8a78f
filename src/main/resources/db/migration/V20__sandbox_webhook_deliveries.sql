-- Webhook delivery of sandbox events: one row per (event, endpoint), claimed by whichever Paydeck instance's
-- worker gets it first (FOR UPDATE SKIP LOCKED), retried with backoff; and one row per attempt made.
-- Owned by the sandbox module only. Webhook endpoints themselves are objects in sandbox.objects.
create table sandbox.webhook_deliveries (
    id                bigserial primary key,
    account_id        text not null references sandbox.accounts (id) on delete cascade,
    endpoint_id       text not null,
    event_id          text not null,
    status            text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
    attempts          integer not null default 0,
    next_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
-- The worker's question: which pending deliveries are due?
create index webhook_deliveries_due on sandbox.webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_endpoint on sandbox.webhook_deliveries (account_id, endpoint_id, id desc);
create index webhook_deliveries_event on sandbox.webhook_deliveries (account_id, event_id);

create table sandbox.webhook_attempts (
    id            bigserial primary key,
    delivery_id   bigint not null references sandbox.webhook_deliveries (id) on delete cascade,
    account_id    text not null references sandbox.accounts (id) on delete cascade,
    attempt       integer not null,
    status_code   integer,
    error         text,
    duration_ms   bigint not null,
    created_at    timestamptz not null default now()
);
create index webhook_attempts_delivery on sandbox.webhook_attempts (delivery_id, attempt);
create index webhook_attempts_account on sandbox.webhook_attempts (account_id, id desc);
