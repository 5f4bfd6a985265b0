package io.sluice.adapters.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.sluice.application.identity.BootstrapTenant;
import io.sluice.application.identity.BootstrapTenantCommand;
import io.sluice.application.identity.BootstrappedTenant;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On first start with an empty database, creates the tenant {@code sluice.bootstrap.tenant}
 * (default {@code demo}) with the supervisor {@code admin} and one API key. The password comes
 * from {@code SLUICE_BOOTSTRAP_ADMIN_PASSWORD} and the key from {@code SLUICE_BOOTSTRAP_API_KEY};
 * whichever is not set is generated and logged this once. Later starts change and print nothing.
 */
@Singleton
class BootstrapOnStartup {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapOnStartup.class);

    private final BootstrapTenant bootstrapTenant;
    private final String tenant;
    private final String adminPassword;
    private final String apiKey;

    BootstrapOnStartup(BootstrapTenant bootstrapTenant,
                       @Value("${sluice.bootstrap.tenant:demo}") String tenant,
                       @Nullable @Value("${sluice.bootstrap.admin-password:}") String adminPassword,
                       @Nullable @Value("${sluice.bootstrap.api-key:}") String apiKey) {
        this.bootstrapTenant = bootstrapTenant;
        this.tenant = tenant;
        this.adminPassword = blankToNull(adminPassword);
        this.apiKey = blankToNull(apiKey);
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        bootstrapTenant.bootstrap(new BootstrapTenantCommand(TenantId.of(tenant), adminPassword, apiKey))
                .ifPresent(BootstrapOnStartup::announce);
    }

    private static void announce(BootstrappedTenant created) {
        LOG.info("Created tenant '{}' with supervisor '{}'", created.tenant(), created.adminUsername());
        created.generatedPassword().ifPresent(password -> LOG.warn(
                "Generated password of '{}' (shown this once, keep it): {}", created.adminUsername(), password));
        created.generatedApiKey().ifPresent(key -> LOG.warn(
                "Generated API key of tenant '{}' (shown this once, keep it): {}", created.tenant(), key));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
