package io.sluice.adapters.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Import;
import io.micronaut.context.annotation.Value;
import io.sluice.application.identity.RecentApiKeys;
import io.sluice.application.port.Clock;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Makes the identity use cases beans. The application module is compiled without Micronaut, so
 * its {@code @Singleton} classes get their bean definitions here, at the edge.
 */
@Factory
@Import(packages = "io.sluice.application.identity", annotated = "jakarta.inject.Singleton")
class IdentityUseCases {

    /** API keys are remembered for {@code sluice.security.api-keys.remembered-for} (5 s; 0s: not at all). */
    @Singleton
    RecentApiKeys recentApiKeys(@Value("${sluice.security.api-keys.remembered-for:5s}") Duration rememberedFor,
                                Clock clock) {
        return new RecentApiKeys(rememberedFor, clock);
    }
}
