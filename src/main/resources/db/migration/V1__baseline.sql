-- Baseline: each module adds its own tables in later migrations (V<n>__<module>_<what>.sql).
-- Tenant tables carry organization_id in their primary key and unique constraints (see DESIGN.md, Scaling out).
create table paydeck_instance (
    id          smallint primary key default 1 check (id = 1),
    created_at  timestamptz not null default now()
);
insert into paydeck_instance default values;
