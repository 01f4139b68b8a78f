-- billing: credit notes Paydeck issued on its organizations' paid invoices (a refund, or a credit recorded outside
-- Stripe for an invoice paid outside it).
create table credit_notes (
    organization_id           uuid not null,
    id                        uuid not null,
    invoice_id                uuid not null,
    stripe_credit_note_id     text,
    number                    text,
    currency                  text not null,
    amount                    bigint not null check (amount > 0),
    reason                    text check (reason in ('duplicate', 'fraudulent', 'order_change',
                                                     'product_unsatisfactory')),
    memo                      text,
    status                    text not null check (status in ('pending', 'unknown', 'issued', 'void')),
    refunded                  boolean not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    primary key (organization_id, id),
    unique (organization_id, stripe_credit_note_id),
    foreign key (organization_id, invoice_id) references invoices (organization_id, id)
);
create index credit_notes_of_invoice on credit_notes (organization_id, invoice_id, created_at);
