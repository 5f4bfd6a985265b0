package io.sluice.application.service;

import io.sluice.application.port.CalculationEngine;
import io.sluice.application.port.Clock;
import io.sluice.application.port.ServiceRegistry;
import io.sluice.application.port.ServiceRegistry.VersionConflictException;
import io.sluice.domain.service.SemanticVersion;
import io.sluice.domain.service.ServiceSchema;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.service.VersionChoice;

import java.util.List;
import java.util.UUID;

/**
 * Publishes a workbook as a new, immutable version of a service. The engine inspects it first
 * (names, functions, links, self-check against Excel's cached values); nothing is stored unless it
 * passes.
 */
public class PublishService {

    private final CalculationEngine engine;
    private final ServiceRegistry registry;
    private final Clock clock;

    public PublishService(CalculationEngine engine, ServiceRegistry registry, Clock clock) {
        this.engine = engine;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * @throws io.sluice.application.port.InvalidWorkbookException listing what is wrong with the workbook
     * @throws VersionConflictException                           when the version exists already
     */
    public ServiceVersion publish(PublishServiceCommand command) {
        ServiceSchema schema = engine.inspect(command.workbook());
        var tenant = command.caller().tenant();
        UUID serviceId = registry.findServiceId(tenant, command.path()).orElseGet(UUID::randomUUID);
        List<ServiceVersion> existing = registry.versions(tenant, serviceId);
        SemanticVersion version = command.version() != null ? command.version()
                : VersionChoice.nextVersion(existing, command.bump());
        if (existing.stream().anyMatch(v -> v.version().equals(version))) {
            throw new VersionConflictException("service " + command.path() + " already has version " + version);
        }
        ServiceVersion published = new ServiceVersion(UUID.randomUUID(), serviceId, command.path(), version,
                command.effectiveStart(), command.effectiveEnd(), clock.now(), command.caller().name(), null,
                command.fileName(), command.workbook().length, schema);
        registry.publish(tenant, published, command.workbook());
        return published;
    }
}
