-- payments: the Stripe event time (created, unix seconds) of the newest event applied to a payment, so an older
-- event never overwrites a newer state; disputes opened on payments, as Stripe reported them.
alter table payments add column stripe_event_created bigint;
alter table payments add column reconciled_at timestamptz;

create table disputes (
    organization_id            uuid not null,
    id                         text not null,
    payment_id                 uuid,
    stripe_payment_intent_id   text,
    charge_id                  text,
    amount                     bigint not null,
    currency                   text not null,
    reason                     text,
    status                     text not null,
    created                    bigint not null,
    recorded_at                timestamptz not null default now(),
    primary key (organization_id, id)
);
create index disputes_payment on disputes (organization_id, payment_id);
