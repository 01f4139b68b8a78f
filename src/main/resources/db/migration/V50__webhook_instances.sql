-- webhooks: the Paydeck instances that process events, each with a heartbeat it refreshes every few seconds, and on
-- each event being processed, the instance that claimed it. When an instance's heartbeat stops (kill -9, crash, lost
-- machine), a live instance makes its claimed events due again at once instead of after the whole lease.
-- Not tenant data: one row per running instance, for all organizations.
create table webhook_instances (
    id            uuid primary key,
    name          text not null,
    started_at    timestamptz not null,
    heartbeat_at  timestamptz not null
);
-- Nullable, no default: adding it rewrites no row; events claimed before this migration wait out their lease.
alter table webhook_events add column claimed_by uuid;
