-- A node of a remote tool may wait for a user to authorise the tool with an external OAuth2
-- provider; the provider's URL is shown to the run's members until the tool goes on.
alter table run_nodes add column authorization_url varchar(2048);
alter table run_nodes add column authorization_requested_at timestamp with time zone;
