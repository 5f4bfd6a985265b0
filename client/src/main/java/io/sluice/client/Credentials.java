package io.sluice.client;

import java.net.http.HttpRequest;
import java.util.Objects;

/** How a caller proves who it is: an API key with its tenant, or a bearer token. */
public sealed interface Credentials {

    /** Adds the authentication headers to a request about to be sent for {@code tenant}. */
    void authenticate(HttpRequest.Builder request, String tenant);

    /** An API key, sent as {@code x-synthetic-key} together with {@code x-tenant-name}. */
    record ApiKey(String key) implements Credentials {
        public ApiKey {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("the API key is empty");
            }
        }

        @Override
        public void authenticate(HttpRequest.Builder request, String tenant) {
            request.header("x-synthetic-key", key).header("x-tenant-name", tenant);
        }

        @Override
        public String toString() {
            return "ApiKey[****]";
        }
    }

    /** A bearer token (JWT), sent as {@code Authorization: Bearer ...}. */
    record BearerToken(String token) implements Credentials {
        public BearerToken {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("the bearer token is empty");
            }
        }

        @Override
        public void authenticate(HttpRequest.Builder request, String tenant) {
            request.header("Authorization", "Bearer " + token);
        }

        @Override
        public String toString() {
            return "BearerToken[****]";
        }
    }

    /** No credentials: only the health and login endpoints answer such a caller. */
    record None() implements Credentials {
        @Override
        public void authenticate(HttpRequest.Builder request, String tenant) {
            Objects.requireNonNull(request);
        }
    }
}
