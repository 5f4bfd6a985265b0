-- The key Sluice signs its own tokens with when none is configured: created at first start and
-- shared by every node of the database. Delete the row to rotate it (docs/security.md).
create table signing_keys (
    name       varchar(50)              not null primary key,
    secret     varchar(200)             not null,
    created_at timestamp with time zone not null
);
