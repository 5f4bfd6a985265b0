package io.sluice.application.identity;

import io.sluice.application.port.ApiKeyRepository;
import io.sluice.application.port.Clock;
import jakarta.inject.Singleton;

/**
 * A supervisor revokes an API key of its tenant: from then on it authenticates no one (on another
 * node, once that node's {@link RecentApiKeys} entry for it expires). Revoking a revoked key
 * changes nothing and is no error.
 */
@Singleton
public class RevokeApiKey {

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final RecentApiKeys recent;

    public RevokeApiKey(ApiKeyRepository keys, Clock clock, RecentApiKeys recent) {
        this.keys = keys;
        this.clock = clock;
        this.recent = recent;
    }

    /**
     * Revokes the key; throws {@link SupervisorRequiredException} for anyone but a supervisor and
     * {@link ApiKeyNotFoundException} when the caller's tenant has no such key.
     */
    public void revoke(RevokeApiKeyCommand command) {
        SupervisorRequiredException.check(command.caller(), "revoke API keys");
        if (!keys.revoke(command.caller().tenant(), command.id(), clock.now())) {
            throw new ApiKeyNotFoundException(command.id());
        }
        recent.forget(command.id());
    }
}
