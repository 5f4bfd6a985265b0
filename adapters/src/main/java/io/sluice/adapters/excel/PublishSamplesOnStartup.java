package io.sluice.adapters.excel;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.sluice.application.port.ServiceRegistry;
import io.sluice.application.port.ServiceRegistry.VersionConflictException;
import io.sluice.application.service.PublishService;
import io.sluice.application.service.PublishServiceCommand;
import io.sluice.domain.service.SemanticVersion;
import io.sluice.domain.service.ServicePath;
import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Publishes the built-in samples ({@code samples/SalesExample} and {@code samples/InsuranceQuote},
 * version 1.0.0) into the bootstrap tenant at startup. Idempotent: a sample already there is left
 * alone, and a node that loses the race to publish it shrugs. Services need no tenant row, so this
 * does not depend on the order in which startup listeners run.
 */
@Singleton
@Requires(property = "sluice.samples.enabled", notEquals = "false")
class PublishSamplesOnStartup {

    private static final Logger LOG = LoggerFactory.getLogger(PublishSamplesOnStartup.class);

    private final PublishService publish;
    private final ServiceRegistry registry;
    private final TenantId tenant;

    PublishSamplesOnStartup(PublishService publish, ServiceRegistry registry,
                            @Value("${sluice.bootstrap.tenant:demo}") String tenant) {
        this.publish = publish;
        this.registry = registry;
        this.tenant = TenantId.of(tenant);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        publishOnce(SampleWorkbooks.SALES_EXAMPLE, SampleWorkbooks::salesExample);
        publishOnce(SampleWorkbooks.INSURANCE_QUOTE, SampleWorkbooks::insuranceQuote);
    }

    private void publishOnce(String name, Supplier<byte[]> workbook) {
        ServicePath path = new ServicePath(SampleWorkbooks.FOLDER, name);
        boolean present = registry.findServiceId(tenant, path)
                .map(id -> registry.versions(tenant, id).stream().anyMatch(v -> v.version().equals(SemanticVersion.FIRST)))
                .orElse(false);
        if (present) {
            return;
        }
        try {
            publish.publish(new PublishServiceCommand(new Caller(tenant, "sluice", Set.of()), path, name + ".xlsx",
                    workbook.get(), SemanticVersion.FIRST, null, null, null));
            LOG.info("Published the sample service {}[1.0.0] in tenant '{}'", path, tenant);
        } catch (VersionConflictException e) {
            LOG.debug("Sample {} was published by another node", path);
        }
    }
}
