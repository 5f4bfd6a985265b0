package io.sluice.application.port.fake

import io.sluice.application.port.SigningKeyRepository

import java.time.Instant
import java.util.concurrent.ConcurrentHashMap

/** The signing key port in memory. */
class InMemorySigningKeyRepository implements SigningKeyRepository {

    final Map<String, String> keys = new ConcurrentHashMap<>()

    @Override
    Optional<String> find(String name) {
        Optional.ofNullable(keys.get(name))
    }

    @Override
    boolean addIfAbsent(String name, String key, Instant createdAt) {
        keys.putIfAbsent(name, key) == null
    }
}
