-- The key each project hashes personal data with (pii_redaction in hash mode), sealed
-- with the server's secret box. The same value hashes alike within a project only.
create table pii_keys (
    project_id  bigint        primary key,
    sealed_key  varchar(512)  not null,
    created_at  timestamp     not null
);
