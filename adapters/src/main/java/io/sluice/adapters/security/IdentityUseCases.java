package io.sluice.adapters.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Import;

/**
 * Makes the identity use cases beans. The application module is compiled without Micronaut, so
 * its {@code @Singleton} classes get their bean definitions here, at the edge.
 */
@Factory
@Import(packages = "io.sluice.application.identity", annotated = "jakarta.inject.Singleton")
class IdentityUseCases {
}
