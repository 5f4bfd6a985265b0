package io.sluice.domain.archfixture;

import io.micronaut.core.annotation.Nullable;

/** Deliberately breaks the architecture: proves the specification catches a domain class using a framework. */
public class DomainClassReachingForAFramework {

    @Nullable
    public String name() {
        return null;
    }
}
