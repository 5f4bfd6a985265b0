-- Batches, their chunks, and the chunk payloads and results (the bulk of the data, kept apart so
-- that claiming and counting never drag them along). One dialect for H2 (PostgreSQL mode) and
-- PostgreSQL. Counters are changed only by single UPDATE statements (col = col + ?), so
-- concurrent nodes never lose an update; every row that is updated concurrently has a version.

CREATE TABLE batches (
    id                          UUID          NOT NULL PRIMARY KEY,
    tenant                      VARCHAR(63)   NOT NULL,
    created_by                  VARCHAR(255)  NOT NULL,
    status                      VARCHAR(32)   NOT NULL,
    service_id                  UUID          NOT NULL,
    version_id                  UUID          NOT NULL,
    service_uri                 VARCHAR(1024) NOT NULL,
    compiler_version            VARCHAR(64)   NOT NULL,
    unique_record_key           VARCHAR(255),
    output_selection            TEXT,
    call_purpose                VARCHAR(1024),
    source_system               VARCHAR(1024),
    correlation_id              VARCHAR(1024),
    initial_workers             INTEGER       NOT NULL,
    max_workers                 INTEGER       NOT NULL,
    runner_thread_count         INTEGER       NOT NULL,
    chunks_per_thread           INTEGER       NOT NULL,
    input_allocated_bytes       BIGINT        NOT NULL,
    output_allocated_bytes      BIGINT        NOT NULL,
    acceptable_error_percentage INTEGER       NOT NULL,
    chunks_submitted            BIGINT        NOT NULL DEFAULT 0,
    records_submitted           BIGINT        NOT NULL DEFAULT 0,
    chunks_completed            BIGINT        NOT NULL DEFAULT 0,
    records_completed           BIGINT        NOT NULL DEFAULT 0,
    chunks_failed               BIGINT        NOT NULL DEFAULT 0,
    records_failed              BIGINT        NOT NULL DEFAULT 0,
    chunks_retried              BIGINT        NOT NULL DEFAULT 0,
    records_retried             BIGINT        NOT NULL DEFAULT 0,
    chunks_fetched              BIGINT        NOT NULL DEFAULT 0,
    compute_time_ms             BIGINT        NOT NULL DEFAULT 0,
    input_used_bytes            BIGINT        NOT NULL DEFAULT 0,
    output_used_bytes           BIGINT        NOT NULL DEFAULT 0,
    input_size_bytes            BIGINT        NOT NULL DEFAULT 0,
    output_size_bytes           BIGINT        NOT NULL DEFAULT 0,
    records_available           BIGINT        NOT NULL DEFAULT 0,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    admitted_at                 TIMESTAMP WITH TIME ZONE,
    started_at                  TIMESTAMP WITH TIME ZONE,
    closed_at                   TIMESTAMP WITH TIME ZONE,
    finished_at                 TIMESTAMP WITH TIME ZONE,
    last_activity_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    buffers_released_at         TIMESTAMP WITH TIME ZONE,
    version                     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX batches_by_tenant_status ON batches (tenant, status, created_at);

CREATE TABLE chunks (
    batch_id      UUID        NOT NULL,
    id            UUID        NOT NULL,
    tenant        VARCHAR(63) NOT NULL,
    seq           BIGINT      NOT NULL,
    status        VARCHAR(16) NOT NULL,
    records       INTEGER     NOT NULL,
    input_bytes   BIGINT      NOT NULL,
    output_bytes  BIGINT      NOT NULL DEFAULT 0,
    content_hash  VARCHAR(64) NOT NULL,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    lease_holder  VARCHAR(64),
    lease_until   TIMESTAMP WITH TIME ZONE,
    last_failure  VARCHAR(2000),
    fetched       BOOLEAN     NOT NULL DEFAULT FALSE,
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    version       BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (batch_id, id)
);
CREATE INDEX chunks_by_status ON chunks (batch_id, status, seq);
CREATE SEQUENCE chunk_seq;

CREATE TABLE chunk_payloads (
    batch_id UUID  NOT NULL,
    chunk_id UUID  NOT NULL,
    payload  BYTEA NOT NULL,
    PRIMARY KEY (batch_id, chunk_id)
);

CREATE TABLE chunk_results (
    batch_id UUID  NOT NULL,
    chunk_id UUID  NOT NULL,
    result   BYTEA NOT NULL,
    PRIMARY KEY (batch_id, chunk_id)
);

-- The buffer bytes each tenant has lent to its batches, for the 110% admission rule.
CREATE TABLE tenant_buffers (
    tenant          VARCHAR(63) NOT NULL PRIMARY KEY,
    allocated_bytes BIGINT      NOT NULL DEFAULT 0,
    version         BIGINT      NOT NULL DEFAULT 0
);
