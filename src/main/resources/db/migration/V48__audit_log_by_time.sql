-- Audit lines are written after commit, asynchronously, so they may arrive out of order: the log is read in the order
-- things were done (occurred_at, the event's time), not in the order lines arrived.
create index audit_log_by_time on audit_log (organization_id, occurred_at desc, id desc);
