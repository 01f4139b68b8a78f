-- These tables grow by a row (or several) per payment and webhook, and are mostly read by primary key, unique key or
-- a partial index, whose plans do not change as they grow. At the default scale factor (a new analyze after a tenth
-- of the table changed) a young installation under load re-analyzed one of them about every second, each time
-- reading a sample of 30,000 rows: the autovacuum workers used an eighth of PostgreSQL's CPU. Analyzing after half
-- of the table changed halved that in the payments benchmark; the first statistics still come after 50 rows.
alter table sandbox.objects set (autovacuum_analyze_scale_factor = 0.5);
alter table sandbox.idempotency_keys set (autovacuum_analyze_scale_factor = 0.5);
alter table sandbox.webhook_deliveries set (autovacuum_analyze_scale_factor = 0.5);
alter table sandbox.webhook_attempts set (autovacuum_analyze_scale_factor = 0.5);
alter table sandbox.request_log set (autovacuum_analyze_scale_factor = 0.5);
alter table webhook_events set (autovacuum_analyze_scale_factor = 0.5);
alter table idempotency_records set (autovacuum_analyze_scale_factor = 0.5);
alter table payments set (autovacuum_analyze_scale_factor = 0.5);
alter table charges set (autovacuum_analyze_scale_factor = 0.5);
alter table audit_log set (autovacuum_analyze_scale_factor = 0.5);
