package io.sluice.application.service;

import io.sluice.application.port.Clock;
import io.sluice.application.port.ServiceRegistry;
import io.sluice.domain.service.ServiceVersion;

/**
 * Finds the version a request means: by {@code version_id} when given (it must belong to the
 * service named too, if one is), else the newest version of the referenced service that matches
 * its version selector and is in effect at {@code version_by_timestamp} (or now).
 */
public class ResolveService {

    private final ServiceLookup lookup;
    private final Clock clock;

    public ResolveService(ServiceRegistry registry, Clock clock) {
        this.lookup = new ServiceLookup(registry);
        this.clock = clock;
    }

    /** @throws ServiceNotFoundException when the tenant has no such service or version */
    public ServiceVersion resolve(ResolveServiceQuery query) {
        if (query.versionId() != null) {
            ServiceVersion version = lookup.version(query.tenant(), query.versionId());
            if (query.service() != null && lookup.versionsOf(query.tenant(), query.service()).stream()
                    .noneMatch(v -> v.versionId().equals(version.versionId()))) {
                throw new ServiceNotFoundException("version " + query.versionId() + " is not a version of " + query.serviceText());
            }
            return version;
        }
        return lookup.resolve(query.tenant(), query.service(),
                query.versionByTimestamp() == null ? clock.now() : query.versionByTimestamp());
    }
}
