package io.sluice.domain.service;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One published version of a service: an immutable workbook with its schema, effective from
 * {@code effectiveStart} (inclusive) until {@code effectiveEnd} (exclusive), either open when null.
 * A retired version is never chosen for new work; batches that already pinned it keep it.
 */
public record ServiceVersion(UUID versionId, UUID serviceId, ServicePath path, SemanticVersion version,
                             Instant effectiveStart, Instant effectiveEnd, Instant publishedAt, String publishedBy,
                             Instant retiredAt, String fileName, long fileSize, ServiceSchema schema) {

    public ServiceVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(schema, "schema");
        if (effectiveStart != null && effectiveEnd != null && !effectiveEnd.isAfter(effectiveStart)) {
            throw new IllegalArgumentException("effective_end must be after effective_start");
        }
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    /** True when {@code instant} lies in the effective window. */
    public boolean isEffectiveAt(Instant instant) {
        return (effectiveStart == null || !instant.isBefore(effectiveStart))
                && (effectiveEnd == null || instant.isBefore(effectiveEnd));
    }

    /** This version, retired at {@code when}. */
    public ServiceVersion retire(Instant when) {
        return new ServiceVersion(versionId, serviceId, path, version, effectiveStart, effectiveEnd, publishedAt,
                publishedBy, Objects.requireNonNull(when, "when"), fileName, fileSize, schema);
    }

    /** {@code folder/name[major.minor.patch]}. */
    public String uri() {
        return path.uri(version);
    }
}
