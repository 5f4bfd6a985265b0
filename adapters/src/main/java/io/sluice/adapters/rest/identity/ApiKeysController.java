package io.sluice.adapters.rest.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.sluice.adapters.rest.ProblemDocument;
import io.sluice.adapters.rest.Problems;
import io.sluice.application.identity.CreateApiKey;
import io.sluice.application.identity.CreateApiKeyCommand;
import io.sluice.application.identity.CreatedApiKey;
import io.sluice.application.identity.ListApiKeys;
import io.sluice.application.identity.RevokeApiKey;
import io.sluice.application.identity.RevokeApiKeyCommand;
import io.sluice.domain.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * API key management for supervisors: create (the secret is in this one response only), list
 * (never a secret) and revoke. A caller without role {@value Caller#SUPERVISOR} gets 403.
 */
@Tag(name = "apikeys")
@Controller("/{tenant}/api/v4/apikeys")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiKeysController {

    private final CreateApiKey createApiKey;
    private final ListApiKeys listApiKeys;
    private final RevokeApiKey revokeApiKey;

    ApiKeysController(CreateApiKey createApiKey, ListApiKeys listApiKeys, RevokeApiKey revokeApiKey) {
        this.createApiKey = createApiKey;
        this.listApiKeys = listApiKeys;
        this.revokeApiKey = revokeApiKey;
    }

    @Operation(operationId = "createApiKey", summary = "Create an API key; its secret is shown only in this answer")
    @ApiResponse(responseCode = "201", description = "The new key with its secret")
    @ApiResponse(responseCode = "400", description = "invalid_api_key_request: a name, owner or role is malformed",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "supervisor_required: only supervisors manage API keys",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> create(@Parameter(hidden = true) Caller caller, @Body NewApiKey request) {
        CreateApiKeyCommand command;
        try {
            command = new CreateApiKeyCommand(caller, request.name(), request.owner(),
                    request.roles() == null ? Set.of() : Set.copyOf(request.roles()));
        } catch (IllegalArgumentException | NullPointerException invalid) {
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid_api_key_request", invalid.getMessage());
        }
        CreatedApiKey created = createApiKey.create(command);
        return HttpResponse.created(ApiKeyView.of(created.key(), created.secret()));
    }

    @Operation(operationId = "listApiKeys", summary = "List the tenant's API keys, never their secrets")
    @ApiResponse(responseCode = "200", description = "The keys")
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "supervisor_required: only supervisors manage API keys",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get
    Map<String, List<ApiKeyView>> list(@Parameter(hidden = true) Caller caller) {
        return Map.of("data", listApiKeys.list(caller).stream().map(key -> ApiKeyView.of(key, null)).toList());
    }

    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
    @ApiResponse(responseCode = "204", description = "Revoked (again)")
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "supervisor_required: only supervisors manage API keys",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "api_key_not_found: no such key in the tenant",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Delete("/{id}")
    HttpResponse<?> revoke(@Parameter(hidden = true) Caller caller, String id) {
        UUID keyId;
        try {
            keyId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return Problems.response(HttpStatus.NOT_FOUND, "api_key_not_found", "no API key " + id);
        }
        revokeApiKey.revoke(new RevokeApiKeyCommand(caller, keyId));
        return HttpResponse.noContent();
    }

    /**
     * The body of {@code POST}: a label, optionally the caller name the key acts as (default: the
     * creator) and the roles it grants (default: none).
     */
    @Serdeable
    record NewApiKey(@Nullable String name, @Nullable String owner, @Nullable List<String> roles) {
    }
}
