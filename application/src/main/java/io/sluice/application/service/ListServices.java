package io.sluice.application.service;

import io.sluice.application.port.ServiceRegistry;
import io.sluice.application.port.ServiceRegistry.ServicePage;
import io.sluice.domain.tenant.TenantId;

/** One page of the caller's tenant's services. */
public class ListServices {

    private final ServiceRegistry registry;

    public ListServices(ServiceRegistry registry) {
        this.registry = registry;
    }

    public ServicePage list(ListServicesQuery query) {
        return registry.services(query.tenant(), query.page(), query.size());
    }

    /** {@code page} counts from 0; {@code size} is 1-100. */
    public record ListServicesQuery(TenantId tenant, int page, int size) {
        public ListServicesQuery {
            java.util.Objects.requireNonNull(tenant, "tenant");
            if (page < 0) {
                throw new IllegalArgumentException("page counts from 0");
            }
            if (size < 1 || size > 100) {
                throw new IllegalArgumentException("size must be between 1 and 100");
            }
        }
    }
}
