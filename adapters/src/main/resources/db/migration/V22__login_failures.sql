-- Consecutive failed logins per tenant and username, whether or not the user exists (so no
-- reference to users or tenants). The username is kept only as its SHA-256, so a guessed name of
-- any length fits and no guess is stored in clear.
create table login_failures (
    tenant         varchar(63)              not null,
    name_hash      varchar(64)              not null,
    failures       integer                  not null,
    last_failed_at timestamp with time zone not null,
    primary key (tenant, name_hash)
);

create index login_failures_by_time on login_failures (last_failed_at);
