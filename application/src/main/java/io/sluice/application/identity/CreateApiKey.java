package io.sluice.application.identity;

import io.sluice.application.port.ApiKeyRepository;
import io.sluice.application.port.Clock;
import io.sluice.domain.identity.ApiKey;
import io.sluice.domain.identity.ApiKeySecret;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.UUID;

/** A supervisor creates an API key of its own tenant; the secret is returned once and kept only as a hash. */
@Singleton
public class CreateApiKey {

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CreateApiKey(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Creates the key; throws {@link SupervisorRequiredException} for anyone but a supervisor. */
    public CreatedApiKey create(CreateApiKeyCommand command) {
        SupervisorRequiredException.check(command.caller(), "create API keys");
        ApiKeySecret secret = ApiKeySecret.generate(random);
        ApiKey key = ApiKey.issue(UUID.randomUUID(), command.caller().tenant(), command.name(),
                command.owner(), command.roles(), secret, clock.now());
        keys.add(key);
        return new CreatedApiKey(key, secret.reveal());
    }
}
