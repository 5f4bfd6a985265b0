package io.sluice.adapters.jdbc;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.sluice.application.port.ServiceRegistry;
import io.sluice.domain.service.SemanticVersion;
import io.sluice.domain.service.ServicePath;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The service registry in the database; workbooks are stored as bytes beside their version. */
@Singleton
final class JdbcServiceRegistry implements ServiceRegistry {

    private static final String UNIQUE_VIOLATION = "23505";

    private final ServiceRows services;
    private final ServiceVersionRows versions;
    private final ServiceWorkbookRows workbooks;
    private final TransactionOperations<Connection> transactions;
    private final SchemaJson schemaJson;

    JdbcServiceRegistry(ServiceRows services, ServiceVersionRows versions, ServiceWorkbookRows workbooks,
                        TransactionOperations<Connection> transactions, JsonMapper json) {
        this.services = services;
        this.versions = versions;
        this.workbooks = workbooks;
        this.transactions = transactions;
        this.schemaJson = new SchemaJson(json);
    }

    @Override
    public void publish(TenantId tenant, ServiceVersion version, byte[] workbook) {
        try {
            transactions.executeWrite(status -> {
                Optional<ServiceRow> existing = services.findByTenantAndFolderAndName(tenant.value(),
                        version.path().folder(), version.path().name());
                if (existing.isPresent() && !existing.get().id().equals(version.serviceId())) {
                    throw new VersionConflictException("service " + version.path() + " was created concurrently; publish again");
                }
                if (existing.isEmpty()) {
                    services.save(new ServiceRow(version.serviceId(), tenant.value(), version.path().folder(),
                            version.path().name(), version.publishedAt()));
                }
                versions.save(toRow(tenant, version));
                workbooks.save(new ServiceWorkbookRow(version.versionId(), tenant.value(), workbook));
                return null;
            });
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw new VersionConflictException("service " + version.path() + " already has version " + version.version());
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<UUID> findServiceId(TenantId tenant, ServicePath path) {
        return services.findByTenantAndFolderAndName(tenant.value(), path.folder(), path.name()).map(ServiceRow::id);
    }

    @Override
    public List<ServiceVersion> versions(TenantId tenant, UUID serviceId) {
        return versions.findByTenantAndServiceId(tenant.value(), serviceId).stream().map(this::toVersion)
                .sorted(Comparator.comparing(ServiceVersion::version).reversed()).toList();
    }

    @Override
    public Optional<ServiceVersion> findVersion(TenantId tenant, UUID versionId) {
        return versions.findByTenantAndId(tenant.value(), versionId).map(this::toVersion);
    }

    @Override
    public Optional<byte[]> workbook(TenantId tenant, UUID versionId) {
        return workbooks.findByTenantAndVersionId(tenant.value(), versionId).map(ServiceWorkbookRow::content);
    }

    @Override
    public ServicePage services(TenantId tenant, int page, int size) {
        Page<ServiceRow> rows = services.findByTenant(tenant.value(),
                Pageable.from(page, size, Sort.of(Sort.Order.asc("folder"), Sort.Order.asc("name"))));
        List<ServiceSummary> summaries = rows.getContent().stream().map(row -> {
            List<ServiceVersion> all = versions(tenant, row.id());
            return new ServiceSummary(row.id(), new ServicePath(row.folder(), row.name()), row.createdAt(),
                    all.isEmpty() ? null : all.get(0).version().toString(), all.size());
        }).toList();
        return new ServicePage(summaries, page, size, rows.getTotalSize());
    }

    @Override
    public boolean retire(TenantId tenant, UUID versionId, Instant when) {
        return versions.retire(tenant.value(), versionId, when) > 0;
    }

    private ServiceVersionRow toRow(TenantId tenant, ServiceVersion v) {
        return new ServiceVersionRow(v.versionId(), tenant.value(), v.serviceId(), v.path().folder(), v.path().name(),
                v.version().major(), v.version().minor(), v.version().patch(), v.effectiveStart(), v.effectiveEnd(),
                v.publishedAt(), v.publishedBy(), v.retiredAt(), v.fileName(), v.fileSize(), schemaJson.write(v.schema()));
    }

    private ServiceVersion toVersion(ServiceVersionRow row) {
        return new ServiceVersion(row.id(), row.serviceId(), new ServicePath(row.folder(), row.name()),
                new SemanticVersion(row.major(), row.minor(), row.patch()), row.effectiveStart(), row.effectiveEnd(),
                row.publishedAt(), row.publishedBy(), row.retiredAt(), row.fileName(), row.fileSize(),
                schemaJson.read(row.schemaJson()));
    }
}
