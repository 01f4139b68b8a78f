-- audit: who did what, when, to which object, per organization. Append-only.
create table audit_log (
    organization_id  uuid not null,
    id               bigserial not null,
    occurred_at      timestamptz not null default now(),
    actor            text not null,
    action           text not null,
    object_type      text not null,
    object_id        text not null,
    detail           text,
    primary key (organization_id, id)
);
create index audit_log_recent on audit_log (organization_id, id desc);
