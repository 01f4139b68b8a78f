-- demo: the sample organization made at first start, and who claimed it (the first person to sign up).
create table demo_organizations (
    organization_id  uuid primary key,
    claimed_by       uuid,
    created_at       timestamptz not null default now()
);
-- One row once any instance has started seeding, so two instances starting together seed once.
create table demo_seeding (
    id          smallint primary key default 1 check (id = 1),
    started_at  timestamptz not null default now()
);
