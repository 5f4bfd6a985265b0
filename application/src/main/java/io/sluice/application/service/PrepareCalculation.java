package io.sluice.application.service;

import io.sluice.application.port.CalculationEngine;
import io.sluice.application.port.CalculationKey;
import io.sluice.application.port.PreparedCalculation;
import io.sluice.application.port.ServiceRegistry;
import io.sluice.domain.tenant.TenantId;

import java.util.UUID;

/**
 * The prepared calculation of a tenant's version, cheap after the first call: the engine caches it
 * and reads the workbook from the registry only on a miss. Retired versions are prepared too, since
 * batches that pinned them must finish. This is how the batch pipeline gets its calculations:
 * {@code prepare(tenant, versionId).newEvaluator()} once per worker thread.
 */
public class PrepareCalculation {

    private final CalculationEngine engine;
    private final ServiceRegistry registry;

    public PrepareCalculation(CalculationEngine engine, ServiceRegistry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    /** @throws ServiceNotFoundException when the tenant has no such version */
    public PreparedCalculation prepare(TenantId tenant, UUID versionId) {
        return engine.prepare(new CalculationKey(tenant, versionId), () -> registry.workbook(tenant, versionId)
                .orElseThrow(() -> ServiceLookup.notFound("version " + versionId)));
    }
}
