package io.sluice.domain.tenant;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: an authenticated user or API key, bound to exactly one tenant.
 * Built once at the edge from verified credentials and passed into every command.
 *
 * @param tenant the tenant the credentials belong to
 * @param name   the user name (or API key owner) recorded as {@code created_by}
 * @param roles  granted roles, such as {@value #SUPERVISOR}
 */
public record Caller(TenantId tenant, String name, Set<String> roles) {

    /** The role that lets a caller see and steer every batch of its tenant. */
    public static final String SUPERVISOR = "supervisor:pf";

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("caller name must not be blank");
        }
        roles = Set.copyOf(roles);
    }

    public boolean isSupervisor() {
        return roles.contains(SUPERVISOR);
    }

    /** A supervisor sees everything of its tenant; anyone else only what they own. */
    public boolean canSee(TenantId ownerTenant, String owner) {
        return tenant.equals(ownerTenant) && (isSupervisor() || name.equals(owner));
    }
}
