package io.sluice.adapters.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Sluice's own security settings ({@code sluice.security.*}); Micronaut Security's settings
 * ({@code micronaut.security.*}) keep their own names. See docs/security.md.
 */
@Singleton
class SecuritySettings {

    private final String tenantClaim;
    private final String issuer;
    private final Duration clockSkew;
    private final String providerIssuer;
    private final String providerAudience;

    SecuritySettings(@Value("${sluice.security.claims.tenant:tenant}") String tenantClaim,
                     @Value("${micronaut.application.name:sluice}") String issuer,
                     @Value("${sluice.security.token.clock-skew:60s}") Duration clockSkew,
                     @Nullable @Property(name = "sluice.security.identity-provider.issuer") String providerIssuer,
                     @Nullable @Property(name = "sluice.security.identity-provider.audience") String providerAudience) {
        this.tenantClaim = tenantClaim;
        this.issuer = issuer;
        this.clockSkew = clockSkew;
        this.providerIssuer = blankToNull(providerIssuer);
        this.providerAudience = blankToNull(providerAudience);
    }

    /** The claim (and authentication attribute) that names the caller's tenant. */
    String tenantClaim() {
        return tenantClaim;
    }

    /** The issuer of the tokens Sluice signs itself. */
    String issuer() {
        return issuer;
    }

    /** How far the clocks of an identity provider and Sluice may differ. */
    Duration clockSkew() {
        return clockSkew;
    }

    /** The issuer of an external identity provider's tokens, when one is trusted. */
    Optional<String> providerIssuer() {
        return Optional.ofNullable(providerIssuer);
    }

    /** The audience an external identity provider's tokens must name, when configured. */
    Optional<String> providerAudience() {
        return Optional.ofNullable(providerAudience);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
