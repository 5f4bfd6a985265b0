package io.sluice.application.port.fake

import io.sluice.application.port.TenantRepository
import io.sluice.domain.tenant.TenantId

import java.time.Instant
import java.util.concurrent.ConcurrentHashMap

/** The tenant port in memory, for use-case specs. */
class InMemoryTenantRepository implements TenantRepository {

    final Map<TenantId, Instant> tenants = new ConcurrentHashMap<>()

    @Override
    boolean create(TenantId tenant, Instant createdAt) {
        tenants.putIfAbsent(tenant, createdAt) == null
    }

    @Override
    boolean exists(TenantId tenant) {
        tenants.containsKey(tenant)
    }
}
