package io.sluice.application.port;

import io.sluice.domain.tenant.TenantId;

import java.util.Objects;
import java.util.UUID;

/** Which prepared calculation: a service version of one tenant. */
public record CalculationKey(TenantId tenant, UUID versionId) {

    public CalculationKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(versionId, "versionId");
    }
}
