package io.sluice.adapters.security;

import io.micronaut.security.authentication.Authentication;
import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts between Sluice's {@link Caller} and Micronaut's {@link Authentication}: the tenant
 * travels as the attribute (and token claim) named by {@code sluice.security.claims.tenant}, the
 * caller name as the authentication name, the roles as its roles.
 */
@Singleton
public class CallerAuthentication {

    private final SecuritySettings settings;

    CallerAuthentication(SecuritySettings settings) {
        this.settings = settings;
    }

    public Authentication authentication(Caller caller, Map<String, Object> extraAttributes) {
        Map<String, Object> attributes = new HashMap<>(extraAttributes);
        attributes.put(settings.tenantClaim(), caller.tenant().value());
        return Authentication.build(caller.name(), caller.roles(), attributes);
    }

    /** The caller an authentication stands for, or empty when it names no legal tenant. */
    public Optional<Caller> caller(Authentication authentication) {
        Object tenant = authentication.getAttributes().get(settings.tenantClaim());
        if (!(tenant instanceof String name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Caller(TenantId.of(name), authentication.getName(), Set.copyOf(authentication.getRoles())));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
