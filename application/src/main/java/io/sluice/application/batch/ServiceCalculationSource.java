package io.sluice.application.batch;

import io.sluice.application.port.CalculationEngine;
import io.sluice.application.port.PreparedCalculation;
import io.sluice.application.service.PrepareCalculation;
import io.sluice.application.service.ResolveService;
import io.sluice.application.service.ResolveServiceQuery;
import io.sluice.domain.batch.PinnedServiceVersion;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Batches find their services in the tenant's published services and compute on the engine. */
@Singleton
public class ServiceCalculationSource implements CalculationSource {

    private final ResolveService resolve;
    private final PrepareCalculation prepare;
    private final CalculationEngine engine;

    public ServiceCalculationSource(ResolveService resolve, PrepareCalculation prepare, CalculationEngine engine) {
        this.resolve = resolve;
        this.prepare = prepare;
        this.engine = engine;
    }

    @Override
    public PinnedServiceVersion resolve(TenantId tenant, String service) {
        ServiceVersion version = resolve.resolve(new ResolveServiceQuery(tenant, service, null, null));
        return new PinnedServiceVersion(version.serviceId(), version.versionId(), version.uri(), engine.compilerVersion());
    }

    @Override
    public PreparedCalculation prepare(TenantId tenant, UUID versionId) {
        return prepare.prepare(tenant, versionId);
    }
}
