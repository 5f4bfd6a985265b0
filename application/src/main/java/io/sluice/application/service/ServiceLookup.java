package io.sluice.application.service;

import io.sluice.application.port.ServiceRegistry;
import io.sluice.domain.service.ServicePath;
import io.sluice.domain.service.ServiceReference;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.service.VersionChoice;
import io.sluice.domain.service.VersionPattern;
import io.sluice.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Turns references into services and versions of one tenant; shared by the use cases. */
final class ServiceLookup {

    private final ServiceRegistry registry;

    ServiceLookup(ServiceRegistry registry) {
        this.registry = registry;
    }

    /** The versions of the service a reference names (a path, a service id or a version id). */
    List<ServiceVersion> versionsOf(TenantId tenant, ServiceReference reference) {
        if (reference instanceof ServiceReference.ByPath byPath) {
            return registry.findServiceId(tenant, byPath.path()).map(id -> registry.versions(tenant, id))
                    .orElseThrow(() -> notFound(byPath.path().toString()));
        }
        UUID id = ((ServiceReference.ById) reference).id();
        List<ServiceVersion> versions = registry.versions(tenant, id);
        if (!versions.isEmpty()) {
            return versions;
        }
        return registry.findVersion(tenant, id).map(v -> registry.versions(tenant, v.serviceId()))
                .orElseThrow(() -> notFound(id.toString()));
    }

    /** The version a reference means at {@code at}: see {@link VersionChoice}. A version id means that version. */
    ServiceVersion resolve(TenantId tenant, ServiceReference reference, Instant at) {
        if (reference instanceof ServiceReference.ById byId) {
            var version = registry.findVersion(tenant, byId.id());
            if (version.isPresent()) {
                if (version.get().isRetired()) {
                    throw new ServiceNotFoundException("version " + byId.id() + " is retired");
                }
                return version.get();
            }
            return choose(versionsOf(tenant, reference), VersionPattern.any(), at, byId.id().toString());
        }
        ServiceReference.ByPath byPath = (ServiceReference.ByPath) reference;
        return choose(versionsOf(tenant, reference), byPath.versions(), at, describe(byPath.path(), byPath.versions()));
    }

    ServiceVersion version(TenantId tenant, UUID versionId) {
        return registry.findVersion(tenant, versionId).orElseThrow(() -> notFound("version " + versionId));
    }

    private static ServiceVersion choose(List<ServiceVersion> versions, VersionPattern pattern, Instant at, String what) {
        return VersionChoice.newest(versions, pattern, at).orElseThrow(() -> new ServiceNotFoundException(
                "service " + what + " has no version in effect at " + at + " that is not retired"));
    }

    private static String describe(ServicePath path, VersionPattern pattern) {
        return pattern.major() == null ? path.toString() : path + "[" + pattern + "]";
    }

    static ServiceNotFoundException notFound(String what) {
        return new ServiceNotFoundException("no service " + what + " in this tenant");
    }
}
