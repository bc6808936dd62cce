-- OpenID Connect logins in flight: state (hashed), PKCE verifier and nonce, for 10 minutes.
create table oidc_login_requests (
    state_hash      varchar(64)   primary key,
    code_verifier   varchar(128)  not null,
    nonce           varchar(128)  not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);
