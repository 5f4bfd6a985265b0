package io.sluice.application.service;

import io.sluice.application.port.ServiceRegistry;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.tenant.TenantId;

import java.util.UUID;

/** One version with its inputs and outputs. */
public class GetVersionSchema {

    private final ServiceLookup lookup;

    public GetVersionSchema(ServiceRegistry registry) {
        this.lookup = new ServiceLookup(registry);
    }

    /** @throws ServiceNotFoundException when the tenant has no such version */
    public ServiceVersion get(TenantId tenant, UUID versionId) {
        return lookup.version(tenant, versionId);
    }
}
