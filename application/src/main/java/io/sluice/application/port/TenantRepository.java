package io.sluice.application.port;

import io.sluice.domain.tenant.TenantId;

import java.time.Instant;

/** The tenants Sluice knows. A tenant is never deleted while it has data. */
public interface TenantRepository {

    /**
     * Records a new tenant.
     *
     * @return false, changing nothing, when the tenant already exists (also when another node
     *         created it at the same moment)
     */
    boolean create(TenantId tenant, Instant createdAt);

    /** Whether the tenant exists. */
    boolean exists(TenantId tenant);
}
