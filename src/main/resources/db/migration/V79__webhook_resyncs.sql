-- webhooks: resyncs started from the webhook page, with their progress and report, so that the page polls any
-- instance for them. One running resync per organization at a time; one whose instance stopped is marked as such
-- when the next one starts.
create table webhook_resyncs (
    organization_id   uuid not null,
    id                uuid not null,
    status            text not null check (status in ('running', 'done', 'failed')),
    started_by        text not null,
    current_part      text,
    parts_done        int not null default 0,
    parts_total       int not null,
    reports           jsonb not null default '[]',
    error             text,
    started_at        timestamptz not null,
    updated_at        timestamptz not null,
    finished_at       timestamptz,
    primary key (organization_id, id)
);
create unique index webhook_resyncs_one_running on webhook_resyncs (organization_id) where status = 'running';
create index webhook_resyncs_latest on webhook_resyncs (organization_id, started_at desc);
