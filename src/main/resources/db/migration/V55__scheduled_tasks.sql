-- db-scheduler's table (its documented PostgreSQL schema): one row per planned run of a periodic job
-- (dev.paydeck.shared.PeriodicJob) or one-off task. The instance that runs it marks it picked (optimistic locking
-- on version), so each run happens once across all instances. Global, not a tenant table: a job's row says when
-- it runs, and the job itself reads each organization's data.
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
