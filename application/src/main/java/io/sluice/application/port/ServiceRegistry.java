package io.sluice.application.port;

import io.sluice.domain.service.ServicePath;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Published services, their versions and the workbooks behind them. Every method is scoped to one
 * tenant: another tenant's service or version is simply not found.
 */
public interface ServiceRegistry {

    /**
     * Stores a new version and its original workbook in one transaction, creating the service (with
     * {@code version.serviceId()}) on its first version.
     *
     * @throws VersionConflictException when the service already has this version number, or when a
     *                                  concurrent publication created the same service first
     */
    void publish(TenantId tenant, ServiceVersion version, byte[] workbook);

    /** The id of the service published at {@code path}. */
    Optional<UUID> findServiceId(TenantId tenant, ServicePath path);

    /** Every version of a service, retired ones included, newest version first; empty for an unknown service. */
    List<ServiceVersion> versions(TenantId tenant, UUID serviceId);

    Optional<ServiceVersion> findVersion(TenantId tenant, UUID versionId);

    /** The workbook exactly as it was published. */
    Optional<byte[]> workbook(TenantId tenant, UUID versionId);

    /** One page of the tenant's services ordered by folder and name; {@code page} counts from 0. */
    ServicePage services(TenantId tenant, int page, int size);

    /**
     * Marks a version retired at {@code when}.
     *
     * @return false when the tenant has no such version, or it was already retired
     */
    boolean retire(TenantId tenant, UUID versionId, Instant when);

    /** A service in a listing, with its newest version (retired or not) and how many it has. */
    record ServiceSummary(UUID serviceId, ServicePath path, Instant createdAt, String latestVersion, int versionCount) {
    }

    record ServicePage(List<ServiceSummary> services, int page, int size, long total) {
        public ServicePage {
            services = List.copyOf(services);
        }
    }

    /** The service already has this version, or was created concurrently. */
    class VersionConflictException extends RuntimeException {
        public VersionConflictException(String message) {
            super(message);
        }
    }
}
