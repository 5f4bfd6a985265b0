package io.sluice.application.identity;

import io.sluice.domain.identity.ApiKey;

/**
 * A key just created, with its secret in clear: the only moment the secret is ever available.
 *
 * @param key    the key as stored
 * @param secret the secret to hand to the caller, once
 */
public record CreatedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", secret=redacted]";
    }
}
