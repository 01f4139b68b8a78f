-- What an organization lets its customers do in the customer portal. An organization without a row has not chosen:
-- the application's defaults apply (paydeck.portal.customers-cancel, paydeck.portal.customers-change-plan).
create table portal_settings (
    organization_id        uuid primary key,
    customers_cancel       boolean not null,
    customers_change_plan  boolean not null,
    updated_at             timestamptz not null,
    updated_by             text not null
);
