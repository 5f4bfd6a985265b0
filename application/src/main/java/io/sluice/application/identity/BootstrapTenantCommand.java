package io.sluice.application.identity;

import io.sluice.domain.identity.ApiKeySecret;
import io.sluice.domain.tenant.TenantId;

import java.util.Objects;

/**
 * The tenant created on first start, with its supervisor's password and its first API key as the
 * operator chose them; null for either means "generate one".
 */
public record BootstrapTenantCommand(TenantId tenant, String adminPassword, String apiKey) {

    static final int MIN_PASSWORD_LENGTH = 8;

    public BootstrapTenantCommand {
        Objects.requireNonNull(tenant, "tenant");
        if (adminPassword != null && adminPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the bootstrap admin password needs at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        if (apiKey != null) {
            ApiKeySecret.of(apiKey);
        }
    }

    @Override
    public String toString() {
        return "BootstrapTenantCommand[tenant=" + tenant + "]";
    }
}
