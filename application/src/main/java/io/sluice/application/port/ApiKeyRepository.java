package io.sluice.application.port;

import io.sluice.domain.identity.ApiKey;
import io.sluice.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys of every tenant. Storage holds only what {@link ApiKey} holds: the secret's hash and
 * lookup index, never the secret.
 */
public interface ApiKeyRepository {

    /** Stores a new key of an existing tenant; its id is new. */
    void add(ApiKey key);

    /**
     * Every key, of any tenant and revoked or not, whose lookup index is {@code lookup}: the
     * candidates an authentication then checks in full (in practice one or none).
     */
    List<ApiKey> findByLookup(String lookup);

    /** The key with that id if it belongs to {@code tenant}; a key of another tenant is absent. */
    Optional<ApiKey> find(TenantId tenant, UUID id);

    /** Every key of the tenant, revoked ones included, oldest first. */
    List<ApiKey> list(TenantId tenant);

    /**
     * Marks the key revoked at {@code at}, unless it already is.
     *
     * @return false when the tenant has no such key (a key of another tenant is untouched)
     */
    boolean revoke(TenantId tenant, UUID id, Instant at);

    /** Records that the key authenticated a request at {@code at}; a key of another tenant is untouched. */
    void recordUse(TenantId tenant, UUID id, Instant at);
}
