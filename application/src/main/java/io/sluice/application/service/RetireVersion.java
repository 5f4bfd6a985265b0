package io.sluice.application.service;

import io.sluice.application.port.Clock;
import io.sluice.application.port.ServiceRegistry;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.tenant.TenantId;

import java.util.UUID;

/**
 * Retires a version: it is no longer chosen for new batches or calls; batches that pinned it
 * keep computing with it. Retiring a retired version changes nothing.
 */
public class RetireVersion {

    private final ServiceRegistry registry;
    private final ServiceLookup lookup;
    private final Clock clock;

    public RetireVersion(ServiceRegistry registry, Clock clock) {
        this.registry = registry;
        this.lookup = new ServiceLookup(registry);
        this.clock = clock;
    }

    /** @throws ServiceNotFoundException when the tenant has no such version */
    public ServiceVersion retire(TenantId tenant, UUID versionId) {
        ServiceVersion version = lookup.version(tenant, versionId);
        if (version.isRetired()) {
            return version;
        }
        registry.retire(tenant, versionId, clock.now());
        return lookup.version(tenant, versionId);
    }
}
