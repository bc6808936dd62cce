-- A node can wait for a person's decision (a gate) before it runs.
alter table run_nodes drop constraint run_nodes_status;
alter table run_nodes add constraint run_nodes_status check (status in ('pending', 'queued', 'waiting', 'running',
    'completed', 'failed', 'skipped'));
