-- Tenants, their users and API keys. Secrets are never stored in clear: passwords as adaptive
-- hashes, API keys as a SHA-256 hash plus a lookup index derived from it.
create table tenants (
    name       varchar(63)              not null primary key,
    created_at timestamp with time zone not null
);

create table users (
    tenant        varchar(63)              not null references tenants (name),
    username      varchar(100)             not null,
    password_hash varchar(255)             not null,
    roles         varchar(2000)            not null,
    created_at    timestamp with time zone not null,
    primary key (tenant, username)
);

create table api_keys (
    id           uuid                     not null primary key,
    tenant       varchar(63)              not null references tenants (name),
    name         varchar(100)             not null,
    owner        varchar(100)             not null,
    roles        varchar(2000)            not null,
    lookup       varchar(16)              not null,
    secret_hash  varchar(64)              not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);

create index api_keys_by_lookup on api_keys (lookup);
create index api_keys_by_tenant on api_keys (tenant, created_at);
