package io.sluice.application.service;

import io.sluice.application.port.ServiceRegistry;
import io.sluice.domain.service.ServiceReference;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.tenant.TenantId;

import java.util.List;

/** Every version of a service (retired ones too), newest first. */
public class ListVersions {

    private final ServiceLookup lookup;

    public ListVersions(ServiceRegistry registry) {
        this.lookup = new ServiceLookup(registry);
    }

    /** @throws ServiceNotFoundException when the tenant has no such service */
    public List<ServiceVersion> list(TenantId tenant, ServiceReference service) {
        return lookup.versionsOf(tenant, service);
    }
}
