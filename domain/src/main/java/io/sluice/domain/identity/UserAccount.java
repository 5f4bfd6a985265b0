package io.sluice.domain.identity;

import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person who logs in to one tenant. Usernames are unique within a tenant only, which is why a
 * login names its tenant. The password is kept only as an adaptive hash.
 *
 * @param tenant       the tenant the user belongs to
 * @param username     the login name, also the caller name recorded as {@code created_by}
 * @param passwordHash the encoded password hash, algorithm and parameters included
 * @param roles        granted roles, such as {@value Caller#SUPERVISOR}
 * @param createdAt    when the user was created
 */
public record UserAccount(TenantId tenant, String username, String passwordHash, Set<String> roles,
                          Instant createdAt) {

    public UserAccount {
        Objects.requireNonNull(tenant, "tenant");
        Names.requireUsername(username);
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("a user needs a password hash");
        }
        roles = Set.copyOf(roles);
        roles.forEach(Names::requireRole);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The caller this user acts as once logged in. */
    public Caller caller() {
        return new Caller(tenant, username, roles);
    }
}
