-- Published services, their versions and the original workbooks (docs/services.md).
-- Every row carries its tenant and every query filters by it.
CREATE TABLE services (
    id          UUID PRIMARY KEY,
    tenant      VARCHAR(63)  NOT NULL,
    folder      VARCHAR(100) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT services_path_unique UNIQUE (tenant, folder, name)
);

CREATE TABLE service_versions (
    id              UUID PRIMARY KEY,
    tenant          VARCHAR(63)  NOT NULL,
    service_id      UUID         NOT NULL REFERENCES services (id),
    folder          VARCHAR(100) NOT NULL,
    name            VARCHAR(100) NOT NULL,
    major           INTEGER      NOT NULL,
    minor           INTEGER      NOT NULL,
    patch           INTEGER      NOT NULL,
    effective_start TIMESTAMP WITH TIME ZONE,
    effective_end   TIMESTAMP WITH TIME ZONE,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by    VARCHAR(200) NOT NULL,
    retired_at      TIMESTAMP WITH TIME ZONE,
    file_name       VARCHAR(255) NOT NULL,
    file_size       BIGINT       NOT NULL,
    schema_json     TEXT         NOT NULL,
    CONSTRAINT service_versions_number_unique UNIQUE (tenant, service_id, major, minor, patch)
);

CREATE INDEX service_versions_by_service ON service_versions (tenant, service_id);

CREATE TABLE service_workbooks (
    version_id  UUID PRIMARY KEY REFERENCES service_versions (id),
    tenant      VARCHAR(63) NOT NULL,
    content     BYTEA       NOT NULL
);
