package io.sluice.application.identity;

import io.sluice.application.port.ApiKeyRepository;
import io.sluice.application.port.Clock;
import io.sluice.domain.identity.ApiKey;
import io.sluice.domain.identity.ApiKeySecret;
import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Identifies the caller behind an API key. The key must be active and belong to the tenant the
 * request names. Its last-used time is recorded at most once a minute, so that a busy integration
 * does not turn every read into a write, and a key that authenticated lately is recognised from
 * {@link RecentApiKeys} without reading storage at all.
 */
@Singleton
public class AuthenticateApiKey {

    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final RecentApiKeys recent;

    public AuthenticateApiKey(ApiKeyRepository keys, Clock clock, RecentApiKeys recent) {
        this.keys = keys;
        this.clock = clock;
        this.recent = recent;
    }

    /**
     * The key's caller if the key authenticated lately on this node; never blocks, so it may run
     * where waiting on storage may not. Empty means: ask {@link #authenticate}.
     */
    public Optional<Caller> recognise(AuthenticateApiKeyCommand command) {
        return presented(command).flatMap(presented -> recent.find(presented.secret().hash(), presented.tenant()));
    }

    /** The key's caller, or empty for a malformed, unknown or revoked key or a wrong tenant. */
    public Optional<Caller> authenticate(AuthenticateApiKeyCommand command) {
        return presented(command).flatMap(this::authenticate);
    }

    private Optional<Caller> authenticate(Presented presented) {
        long forgottenBefore = recent.forgotten();
        Optional<ApiKey> key = keys.findByLookup(presented.secret().lookup()).stream()
                .filter(candidate -> candidate.authenticates(presented.secret(), presented.tenant()))
                .findFirst();
        key.ifPresent(found -> {
            recordUse(found);
            recent.remember(found.secretHash(), presented.tenant(), found.id(), found.caller(), forgottenBefore);
        });
        return key.map(ApiKey::caller);
    }

    private void recordUse(ApiKey key) {
        Instant now = clock.now();
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
            keys.recordUse(key.tenant(), key.id(), now);
        }
    }

    /** A secret and a tenant name that are well formed, whoever's they turn out to be. */
    private record Presented(ApiKeySecret secret, TenantId tenant) {
    }

    private static Optional<Presented> presented(AuthenticateApiKeyCommand command) {
        try {
            return Optional.of(new Presented(ApiKeySecret.of(command.secret()), TenantId.of(command.tenantName())));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
