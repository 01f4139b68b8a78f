-- Indexes every payment paid for and no query reads (measured with the payments benchmark: each is one more index
-- entry written per payment).
--
-- event_publication: completed publications are deleted (spring.modulith.events.completion-mode: delete), so the
-- table holds only what is in flight or failed, a few rows; completion_date is always null in it, and the lookup by
-- serialized event is the registry's fallback when it no longer knows a publication's id (it normally completes by
-- id). A sequential scan of a few rows serves both.
drop index event_publication_serialized_event_hash_idx;
drop index event_publication_by_completion_date_idx;

-- audit_log: (organization_id, id desc) repeats the primary key (organization_id, id), which PostgreSQL reads
-- backwards just as well; the pages read the log by time (audit_log_by_time).
drop index audit_log_recent;
