package io.sluice.application.identity;

import io.sluice.domain.tenant.Caller;

import java.util.Objects;
import java.util.UUID;

/** Revoke one API key of the caller's tenant. */
public record RevokeApiKeyCommand(Caller caller, UUID id) {

    public RevokeApiKeyCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(id, "id");
    }
}
