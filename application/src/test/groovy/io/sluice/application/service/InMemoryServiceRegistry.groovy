package io.sluice.application.service

import io.sluice.application.port.ServiceRegistry
import io.sluice.domain.service.ServicePath
import io.sluice.domain.service.ServiceVersion
import io.sluice.domain.tenant.TenantId

import java.time.Instant

/** The registry in memory, for use case specs; it passes {@link ServiceRegistryContract}. */
class InMemoryServiceRegistry implements ServiceRegistry {

    private final Map<List, UUID> services = [:]
    private final Map<UUID, Instant> created = [:]
    private final Map<List, ServiceVersion> versions = [:]
    private final Map<List, byte[]> workbooks = [:]

    @Override
    synchronized void publish(TenantId tenant, ServiceVersion version, byte[] workbook) {
        def key = [tenant, version.path()]
        if (services.containsKey(key) && services[key] != version.serviceId()) {
            throw new VersionConflictException("service ${version.path()} was created concurrently")
        }
        if (versions.values().any { it.serviceId() == version.serviceId() && it.version() == version.version() }) {
            throw new VersionConflictException("service ${version.path()} already has version ${version.version()}")
        }
        services[key] = version.serviceId()
        created.putIfAbsent(version.serviceId(), version.publishedAt())
        versions[[tenant, version.versionId()]] = version
        workbooks[[tenant, version.versionId()]] = workbook.clone()
    }

    @Override
    synchronized Optional<UUID> findServiceId(TenantId tenant, ServicePath path) {
        Optional.ofNullable(services[[tenant, path]])
    }

    @Override
    synchronized List<ServiceVersion> versions(TenantId tenant, UUID serviceId) {
        versions.findAll { k, v -> k[0] == tenant && v.serviceId() == serviceId }.values()
                .sort { a, b -> b.version() <=> a.version() }
    }

    @Override
    synchronized Optional<ServiceVersion> findVersion(TenantId tenant, UUID versionId) {
        Optional.ofNullable(versions[[tenant, versionId]])
    }

    @Override
    synchronized Optional<byte[]> workbook(TenantId tenant, UUID versionId) {
        Optional.ofNullable(workbooks[[tenant, versionId]]?.clone())
    }

    @Override
    synchronized ServicePage services(TenantId tenant, int page, int size) {
        def mine = services.findAll { k, v -> k[0] == tenant }
                .collect { k, v -> [path: k[1] as ServicePath, id: v] }
                .sort { a, b -> a.path.folder() <=> b.path.folder() ?: a.path.name() <=> b.path.name() }
        def slice = mine.drop(page * size).take(size).collect {
            def all = versions(tenant, it.id)
            new ServiceSummary(it.id, it.path, created[it.id], all ? all[0].version().toString() : null, all.size())
        }
        new ServicePage(slice, page, size, mine.size())
    }

    @Override
    synchronized boolean retire(TenantId tenant, UUID versionId, Instant when) {
        def version = versions[[tenant, versionId]]
        if (version == null || version.isRetired()) {
            return false
        }
        versions[[tenant, versionId]] = version.retire(when)
        true
    }
}
