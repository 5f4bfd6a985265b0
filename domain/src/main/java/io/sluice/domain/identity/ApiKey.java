package io.sluice.domain.identity;

import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An API key of one tenant, as stored: never its secret, only the secret's hash and lookup index
 * (see {@link ApiKeySecret}). A revoked key authenticates no one.
 *
 * @param id         stable identifier, used to list and revoke the key
 * @param tenant     the tenant whose {@code x-tenant-name} the key must be sent with
 * @param name       a human label, such as the integration that uses it
 * @param owner      the caller name requests made with the key act as (their {@code created_by})
 * @param roles      roles granted to requests made with the key
 * @param lookup     index derived from the secret ({@link ApiKeySecret#lookup()})
 * @param secretHash hash of the secret ({@link ApiKeySecret#hash()})
 * @param createdAt  when the key was created
 * @param lastUsedAt when the key last authenticated a request, or null
 * @param revokedAt  when the key was revoked, or null while it is active
 */
public record ApiKey(UUID id, TenantId tenant, String name, String owner, Set<String> roles,
                     String lookup, String secretHash, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Names.requireLabel(name, "API key name");
        Names.requireUsername(owner);
        roles = Set.copyOf(roles);
        roles.forEach(Names::requireRole);
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new, never used, active key for {@code secret}. */
    public static ApiKey issue(UUID id, TenantId tenant, String name, String owner, Set<String> roles,
                               ApiKeySecret secret, Instant now) {
        return new ApiKey(id, tenant, name, owner, roles, secret.lookup(), secret.hash(), now, null, null);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Whether {@code secret}, sent with {@code tenantHeader}, authenticates as this key. */
    public boolean authenticates(ApiKeySecret secret, TenantId tenantHeader) {
        boolean secretMatches = secret.matches(secretHash);
        return secretMatches && !isRevoked() && tenant.equals(tenantHeader);
    }

    /** The caller a request made with this key acts as. */
    public Caller caller() {
        return new Caller(tenant, owner, roles);
    }
}
