package io.sluice.application.batch;

import io.sluice.application.port.PreparedCalculation;
import io.sluice.domain.batch.PinnedServiceVersion;
import io.sluice.domain.tenant.TenantId;

import java.util.UUID;

/** Where batches find their service: resolving a reference at creation, preparing the pinned version to compute. */
public interface CalculationSource {

    /**
     * @throws io.sluice.application.service.ServiceNotFoundException when the tenant has no service version matching {@code service}
     * @throws IllegalArgumentException when {@code service} is no valid service reference
     */
    PinnedServiceVersion resolve(TenantId tenant, String service);

    /** The prepared calculation of a pinned version (cached by the engine). */
    PreparedCalculation prepare(TenantId tenant, UUID versionId);
}
