package io.sluice.application.identity;

import java.util.Objects;

/**
 * An API key as a request presents it: the secret from {@code x-synthetic-key} and the tenant
 * named by {@code x-tenant-name}, both as sent (they are checked, not trusted).
 */
public record AuthenticateApiKeyCommand(String secret, String tenantName) {

    public AuthenticateApiKeyCommand {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(tenantName, "tenantName");
    }

    @Override
    public String toString() {
        return "AuthenticateApiKeyCommand[tenantName=" + tenantName + "]";
    }
}
