package io.sluice.application.port;

import io.sluice.domain.identity.FailedLogins;
import io.sluice.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed logins per tenant and username, shared by every node, whether or not the user exists.
 * Failures are counted without loss when logins of one name run concurrently.
 */
public interface LoginAttempts {

    /** The consecutive failures of this name since its last success; empty when there are none. */
    Optional<FailedLogins> failures(TenantId tenant, String username);

    /** Counts one more failure at {@code at} and answers the count. */
    FailedLogins recordFailure(TenantId tenant, String username, Instant at);

    /** Forgets the failures of a name that has just logged in. */
    void clear(TenantId tenant, String username);

    /** Forgets every name whose last failure is older than {@code before}; answers how many. */
    int forgetBefore(Instant before);
}
