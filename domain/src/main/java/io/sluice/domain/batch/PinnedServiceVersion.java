package io.sluice.domain.batch;

import java.util.Objects;
import java.util.UUID;

/**
 * The service version a batch resolved when it was created and keeps for its whole life, even
 * when newer versions are published meanwhile.
 *
 * @param serviceId       the service
 * @param versionId       the exact version every record of the batch is computed with
 * @param serviceUri      the resolved reference as shown to clients, e.g. {@code folder/Name[1.0.0]}
 * @param compilerVersion the engine that compiled the version, e.g. {@code Sluice-POI_5.5.1}
 */
public record PinnedServiceVersion(UUID serviceId, UUID versionId, String serviceUri, String compilerVersion) {

    public PinnedServiceVersion {
        Objects.requireNonNull(serviceId, "service id");
        Objects.requireNonNull(versionId, "version id");
        if (serviceUri == null || serviceUri.isBlank()) {
            throw new IllegalArgumentException("service uri must not be blank");
        }
        Objects.requireNonNull(compilerVersion, "compiler version");
    }
}
