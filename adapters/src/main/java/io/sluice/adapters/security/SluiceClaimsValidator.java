package io.sluice.adapters.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import io.sluice.application.port.Clock;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The claims every accepted token must satisfy, once its signature is verified:
 * <ul>
 *   <li>an expiry, not past, and a not-before (if any), reached, both within the clock skew;</li>
 *   <li>the issuer is Sluice itself, or the configured identity provider, in which case the
 *       audience (when configured) is among the token's audiences;</li>
 *   <li>a legal tenant name in the tenant claim.</li>
 * </ul>
 * Micronaut's own expiry check is switched off in favour of this one, which allows the skew.
 */
@Singleton
class SluiceClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(SluiceClaimsValidator.class);

    private final SecuritySettings settings;
    private final Clock clock;

    SluiceClaimsValidator(SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        JWTClaimsSet set = JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims);
        boolean valid = inTime(set) && fromTrustedIssuer(set) && namesATenant(set);
        if (!valid) {
            LOG.debug("Refused a token whose claims are out of time, of an unknown issuer or audience, or without tenant");
        }
        return valid;
    }

    private boolean inTime(JWTClaimsSet set) {
        Instant now = clock.now();
        Date expiry = set.getExpirationTime();
        Date notBefore = set.getNotBeforeTime();
        return expiry != null
                && now.isBefore(expiry.toInstant().plus(settings.clockSkew()))
                && (notBefore == null || !now.isBefore(notBefore.toInstant().minus(settings.clockSkew())));
    }

    private boolean fromTrustedIssuer(JWTClaimsSet set) {
        String issuer = set.getIssuer();
        if (settings.issuer().equals(issuer)) {
            return true;
        }
        if (issuer == null || !settings.providerIssuer().map(issuer::equals).orElse(false)) {
            return false;
        }
        List<String> audiences = set.getAudience();
        return settings.providerAudience().map(audiences::contains).orElse(true);
    }

    private boolean namesATenant(JWTClaimsSet set) {
        if (!(set.getClaim(settings.tenantClaim()) instanceof String tenant)) {
            return false;
        }
        try {
            TenantId.of(tenant);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
