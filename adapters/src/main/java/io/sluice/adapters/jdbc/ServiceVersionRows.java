package io.sluice.adapters.jdbc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ServiceVersionRows extends GenericRepository<ServiceVersionRow, UUID> {

    ServiceVersionRow save(ServiceVersionRow row);

    Optional<ServiceVersionRow> findByTenantAndId(String tenant, UUID id);

    List<ServiceVersionRow> findByTenantAndServiceId(String tenant, UUID serviceId);

    @Query("UPDATE service_versions SET retired_at = :retiredAt WHERE tenant = :tenant AND id = :id AND retired_at IS NULL")
    long retire(String tenant, UUID id, Instant retiredAt);
}
