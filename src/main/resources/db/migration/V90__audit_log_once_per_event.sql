-- A module event may be delivered to the audit log more than once (at least once: a listener that ran but whose
-- publication was not yet deleted is delivered again). An event's line is the same each time — the same action on
-- the same object at the same instant — so it is written once. Lines already written twice keep their first copy.
delete from audit_log a using audit_log b
where a.organization_id = b.organization_id and a.occurred_at = b.occurred_at and a.action = b.action
  and a.object_type = b.object_type and a.object_id = b.object_id and a.id > b.id;
create unique index audit_log_once_per_event on audit_log (organization_id, occurred_at, action, object_type, object_id);
