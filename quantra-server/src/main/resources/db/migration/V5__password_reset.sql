-- Password-reset links: single use, valid 30 minutes; only the token's hash is stored.
create table password_reset_tokens (
    token_hash   varchar(64)  primary key,
    user_id      bigint       not null references users (id) on delete cascade,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone
);
create index password_reset_tokens_user on password_reset_tokens (user_id);
