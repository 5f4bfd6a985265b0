package io.sluice.application.service;

import io.sluice.domain.service.ServiceReference;
import io.sluice.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Which version a request means: a {@code service} reference in any URI form, a {@code version_id},
 * or both; {@code version_by_timestamp} picks among versions by their effective dates.
 */
public record ResolveServiceQuery(TenantId tenant, String serviceText, UUID versionId, Instant versionByTimestamp) {

    public ResolveServiceQuery {
        Objects.requireNonNull(tenant, "tenant");
        if ((serviceText == null || serviceText.isBlank()) && versionId == null) {
            throw new IllegalArgumentException("service or version_id is required");
        }
        if (serviceText != null && !serviceText.isBlank()) {
            ServiceReference.parse(serviceText);
        }
    }

    /** The parsed reference; null when only a version id was given. */
    public ServiceReference service() {
        return serviceText == null || serviceText.isBlank() ? null : ServiceReference.parse(serviceText);
    }
}
