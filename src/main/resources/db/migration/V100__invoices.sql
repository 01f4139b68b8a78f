-- billing: an organization's invoices and their lines, mirrored from its Stripe account.
create table invoices (
    organization_id           uuid not null,
    id                        uuid not null,
    stripe_invoice_id         text,
    customer_id               uuid,
    stripe_customer_id        text not null,
    stripe_subscription_id    text,
    status                    text not null check (status in ('pending', 'unknown', 'draft', 'open', 'paid',
                                                              'uncollectible', 'void', 'deleted')),
    collection_method         text not null check (collection_method in ('charge_automatically', 'send_invoice')),
    number                    text,
    currency                  text not null,
    subtotal                  bigint not null default 0,
    tax                       bigint not null default 0,
    discount                  bigint not null default 0,
    total                     bigint not null default 0,
    amount_due                bigint not null default 0,
    amount_paid               bigint not null default 0,
    amount_remaining          bigint not null default 0,
    due_date                  timestamptz,
    period_start              timestamptz,
    period_end                timestamptz,
    hosted_invoice_url        text,
    invoice_pdf               text,
    description               text,
    paid_out_of_band          boolean not null default false,
    finalized_at              timestamptz,
    paid_at                   timestamptz,
    -- when Paydeck first learnt Stripe sent it to the customer (through Paydeck, or invoice.sent)
    sent_at                   timestamptz,
    -- what Paydeck created it with (Stripe ids resolved), so that a re-send is the same call
    request                   jsonb,
    idempotency_key           text,
    stripe_event_created      bigint,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    primary key (organization_id, id),
    unique (organization_id, stripe_invoice_id),
    unique (organization_id, idempotency_key)
);
create index invoices_listing on invoices (organization_id, created_at desc, id desc);
create index invoices_by_customer on invoices (organization_id, customer_id, created_at desc);
create index invoices_open_by_due_date on invoices (organization_id, due_date) where status = 'open';

create table invoice_lines (
    organization_id           uuid not null,
    invoice_id                uuid not null,
    position                  integer not null,
    stripe_line_id            text,
    description               text,
    quantity                  bigint not null default 1,
    stripe_price_id           text,
    currency                  text not null,
    amount                    bigint not null,
    tax                       bigint not null default 0,
    discount                  bigint not null default 0,
    tax_rates                 text[] not null default '{}',
    period_start              timestamptz,
    period_end                timestamptz,
    primary key (organization_id, invoice_id, position),
    foreign key (organization_id, invoice_id) references invoices (organization_id, id) on delete cascade
);
