package io.sluice.adapters.rest.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.sluice.domain.identity.ApiKey;

import java.time.Instant;
import java.util.List;

/**
 * An API key as the API shows it: never its hash, and its secret ({@code key}) only in the
 * response that created it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ApiKeyView(String object, String id, String name, String owner, List<String> roles, String status,
                  @JsonProperty("created_at") Instant createdAt,
                  @JsonProperty("last_used_at") @Nullable Instant lastUsedAt,
                  @JsonProperty("revoked_at") @Nullable Instant revokedAt,
                  @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String key) {

    static ApiKeyView of(ApiKey apiKey, String secret) {
        return new ApiKeyView("api_key", apiKey.id().toString(), apiKey.name(), apiKey.owner(),
                apiKey.roles().stream().sorted().toList(), apiKey.isRevoked() ? "revoked" : "active",
                apiKey.createdAt(), apiKey.lastUsedAt(), apiKey.revokedAt(), secret);
    }
}
