package io.sluice.application.identity;

import java.util.UUID;

/** The caller's tenant has no API key with that id (a key of another tenant is not found either). */
public class ApiKeyNotFoundException extends RuntimeException {

    public ApiKeyNotFoundException(UUID id) {
        super("no API key " + id);
    }
}
