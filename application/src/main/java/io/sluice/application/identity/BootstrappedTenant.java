package io.sluice.application.identity;

import io.sluice.domain.tenant.TenantId;

import java.util.Optional;

/**
 * What a first start created. The generated secrets are present only when the operator chose none;
 * they are to be shown once and are not kept anywhere in clear.
 *
 * @param tenant            the tenant created
 * @param adminUsername     the supervisor created
 * @param generatedPassword the supervisor's password, when generated
 * @param generatedApiKey   the first API key's secret, when generated
 */
public record BootstrappedTenant(TenantId tenant, String adminUsername, Optional<String> generatedPassword,
                                 Optional<String> generatedApiKey) {

    @Override
    public String toString() {
        return "BootstrappedTenant[tenant=" + tenant + ", adminUsername=" + adminUsername + "]";
    }
}
