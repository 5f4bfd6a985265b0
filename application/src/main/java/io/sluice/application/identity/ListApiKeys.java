package io.sluice.application.identity;

import io.sluice.application.port.ApiKeyRepository;
import io.sluice.domain.identity.ApiKey;
import io.sluice.domain.tenant.Caller;
import jakarta.inject.Singleton;

import java.util.List;

/** A supervisor lists every API key of its tenant, revoked ones included; secrets are never listed. */
@Singleton
public class ListApiKeys {

    private final ApiKeyRepository keys;

    public ListApiKeys(ApiKeyRepository keys) {
        this.keys = keys;
    }

    /** The keys of the caller's tenant, oldest first; throws {@link SupervisorRequiredException} for others. */
    public List<ApiKey> list(Caller caller) {
        SupervisorRequiredException.check(caller, "list API keys");
        return keys.list(caller.tenant());
    }
}
