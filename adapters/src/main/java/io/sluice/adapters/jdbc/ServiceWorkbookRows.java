package io.sluice.adapters.jdbc;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ServiceWorkbookRows extends GenericRepository<ServiceWorkbookRow, UUID> {

    ServiceWorkbookRow save(ServiceWorkbookRow row);

    Optional<ServiceWorkbookRow> findByTenantAndVersionId(String tenant, UUID versionId);
}
