-- One durable driver per active run instead of one task per node: the driver (a
-- db-scheduler execution, heart-beaten while it works) hands nodes to the worker pool in
-- memory and commits every state change; a dead driver is revived by another server.
alter table runs add column driver varchar(64);
alter table runs add column driver_gen integer default 0 not null;
-- bumped by commands that change node states behind a live driver (gate decisions)
alter table runs add column revision integer default 0 not null;
alter table run_nodes add column due_at timestamp with time zone;
alter table run_nodes drop constraint run_nodes_status;
alter table run_nodes add constraint run_nodes_status check (status in ('pending', 'queued', 'waiting', 'running',
    'completed', 'failed', 'skipped', 'cancelled'));
create index runs_project_status on runs (project_id, status, id);
create index runs_completed_at on runs (completed_at);

-- Runs in flight under per-node tasks carry on under a driver.
delete from scheduled_tasks where task_name = 'run-node';
update runs set driver = cast(id as varchar(20)) || ':1', driver_gen = 1 where status = 'running';
insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
    select 'run-driver', cast(id as varchar(20)) || ':1', null, current_timestamp, false, 1 from runs
    where status = 'running';

-- A project may cap how many of its runs execute at once; runs beyond wait as 'queued'.
create table project_run_settings (
    project_id           bigint  not null primary key,
    max_concurrent_runs  integer,
    constraint project_run_settings_limit check (max_concurrent_runs is null or max_concurrent_runs > 0)
);

-- The chain and inputs are written once; keeping them out of the run row keeps every change
-- of a run's progress small, however large its chain.
create table run_chains (
    run_pk      bigint            not null primary key references runs (id) on delete cascade,
    chain_json  varchar(10000000) not null,
    inputs      varchar(1000000)  not null
);
insert into run_chains (run_pk, chain_json, inputs) select id, chain_json, inputs from runs;
alter table runs drop column chain_json;
alter table runs drop column inputs;
