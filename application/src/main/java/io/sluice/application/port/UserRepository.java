package io.sluice.application.port;

import io.sluice.domain.identity.UserAccount;
import io.sluice.domain.tenant.TenantId;

import java.util.Optional;

/** The users of every tenant, keyed by tenant and username. */
public interface UserRepository {

    /**
     * Stores a new user of an existing tenant.
     *
     * @return false, changing nothing, when the tenant already has a user of that name
     */
    boolean add(UserAccount user);

    /** The user of that name in that tenant; never a user of another tenant. */
    Optional<UserAccount> find(TenantId tenant, String username);
}
