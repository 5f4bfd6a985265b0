package io.sluice.adapters.jdbc;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ServiceRows extends GenericRepository<ServiceRow, UUID> {

    ServiceRow save(ServiceRow row);

    Optional<ServiceRow> findByTenantAndFolderAndName(String tenant, String folder, String name);

    Page<ServiceRow> findByTenant(String tenant, Pageable pageable);
}
