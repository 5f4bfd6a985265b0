package io.sluice.application.identity;

import io.sluice.domain.tenant.TenantId;

import java.util.Objects;

/** A login attempt: usernames are unique within a tenant only, so the login names its tenant. */
public record LoginCommand(TenantId tenant, String username, String password) {

    public LoginCommand {
        Objects.requireNonNull(tenant, "tenant");
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a login needs a username");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a login needs a password");
        }
    }

    @Override
    public String toString() {
        return "LoginCommand[tenant=" + tenant + ", username=" + username + "]";
    }
}
