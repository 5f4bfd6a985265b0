package io.sluice.application.port.fake

import io.sluice.application.port.ApiKeyRepository
import io.sluice.domain.identity.ApiKey
import io.sluice.domain.tenant.TenantId

import java.time.Instant

/** The API key port in memory, for use-case specs. */
class InMemoryApiKeyRepository implements ApiKeyRepository {

    final Map<UUID, ApiKey> keys = new LinkedHashMap<>()

    @Override
    synchronized void add(ApiKey key) {
        if (keys.containsKey(key.id())) {
            throw new IllegalStateException("duplicate key ${key.id()}")
        }
        keys.put(key.id(), key)
    }

    @Override
    synchronized List<ApiKey> findByLookup(String lookup) {
        keys.values().findAll { it.lookup() == lookup }
    }

    @Override
    synchronized Optional<ApiKey> find(TenantId tenant, UUID id) {
        Optional.ofNullable(keys.get(id)).filter { it.tenant() == tenant }
    }

    @Override
    synchronized List<ApiKey> list(TenantId tenant) {
        keys.values().findAll { it.tenant() == tenant }.sort { a, b -> a.createdAt() <=> b.createdAt() ?: a.id() <=> b.id() }
    }

    @Override
    synchronized boolean revoke(TenantId tenant, UUID id, Instant at) {
        def key = find(tenant, id).orElse(null)
        if (key == null) {
            return false
        }
        if (!key.isRevoked()) {
            keys.put(id, copy(key, key.lastUsedAt(), at))
        }
        true
    }

    @Override
    synchronized void recordUse(TenantId tenant, UUID id, Instant at) {
        find(tenant, id).ifPresent { keys.put(id, copy(it, at, it.revokedAt())) }
    }

    private static ApiKey copy(ApiKey key, Instant lastUsedAt, Instant revokedAt) {
        new ApiKey(key.id(), key.tenant(), key.name(), key.owner(), key.roles(), key.lookup(), key.secretHash(),
                key.createdAt(), lastUsedAt, revokedAt)
    }
}
