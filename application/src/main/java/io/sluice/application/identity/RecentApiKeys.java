package io.sluice.application.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sluice.application.port.Clock;
import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API keys that authenticated a request on this node lately, so that a busy integration's
 * requests do not each read the key from storage. An entry holds the caller a key acts as, under
 * the hash of its secret (never the secret) and the tenant it was sent with, for {@code timeToLive}
 * after the key was read; {@link RevokeApiKey} forgets a key on this node at once. Another node
 * goes on accepting a key revoked elsewhere until its own entry expires: {@code timeToLive} is
 * that window, and zero remembers nothing. docs/adr/0015-api-keys-remembered-briefly.md
 */
public final class RecentApiKeys {

    /** At most this many keys are remembered; the least used go first. */
    static final int CAPACITY = 10_000;

    private record Presented(String secretHash, TenantId tenant) {
    }

    private record Recognised(UUID keyId, Caller caller) {
    }

    private final Cache<Presented, Recognised> recent;
    private final boolean enabled;
    private final AtomicLong forgotten = new AtomicLong();

    public RecentApiKeys(Duration timeToLive, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("the time an API key is remembered must not be negative, was " + timeToLive);
        }
        this.enabled = !timeToLive.isZero();
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(CAPACITY)
                .ticker(() -> nanos(clock.now()))
                .executor(Runnable::run)
                .build();
    }

    /** The caller of the key with this secret hash, sent with {@code tenant}, if it authenticated lately. */
    Optional<Caller> find(String secretHash, TenantId tenant) {
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.ofNullable(recent.getIfPresent(new Presented(secretHash, tenant))).map(Recognised::caller);
    }

    /** How many keys were forgotten so far: read before reading a key, for {@link #remember}. */
    long forgotten() {
        return forgotten.get();
    }

    /**
     * Remembers that the key {@code keyId}, sent with {@code tenant}, authenticates {@code caller},
     * unless a key was forgotten since {@code forgottenBefore} was read (it may be this one, revoked
     * after it was read).
     */
    void remember(String secretHash, TenantId tenant, UUID keyId, Caller caller, long forgottenBefore) {
        if (!enabled) {
            return;
        }
        Presented presented = new Presented(secretHash, tenant);
        recent.put(presented, new Recognised(keyId, caller));
        if (forgotten.get() != forgottenBefore) {
            recent.invalidate(presented);
        }
    }

    /** Forgets the key {@code keyId}: its next request reads it from storage again. */
    void forget(UUID keyId) {
        forgotten.incrementAndGet();
        recent.asMap().values().removeIf(recognised -> recognised.keyId().equals(keyId));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
