package io.sluice.adapters.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.sluice.adapters.rest.ProblemDocument;
import io.sluice.adapters.rest.Problems;
import io.sluice.application.identity.Login;
import io.sluice.application.identity.LoginCommand;
import io.sluice.application.identity.LoginThrottledException;
import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login} with {@code {"tenant","username","password"}} answers Micronaut Security's
 * bearer token response ({@code access_token}, {@code token_type}, {@code expires_in}, ...). Wrong
 * credentials of any kind answer the same 401, so that nothing tells which tenants or users exist.
 */
@Tag(name = "login")
@Controller("/login")
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginController {

    private final Login login;
    private final CallerAuthentication callers;
    private final AccessRefreshTokenGenerator tokens;

    LoginController(Login login, CallerAuthentication callers, AccessRefreshTokenGenerator tokens) {
        this.login = login;
        this.callers = callers;
        this.tokens = tokens;
    }

    @Operation(operationId = "login", summary = "Exchange tenant, username and password for a bearer token")
    @ApiResponse(responseCode = "200", description = "access_token, token_type Bearer, expires_in")
    @ApiResponse(responseCode = "400", description = "validation_error: tenant, username or password missing",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "invalid_credentials: wrong tenant, username or password",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "429", description = "too_many_login_attempts: this username failed too often just now; "
            + "retry after Retry-After seconds",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> login(@Body LoginRequest request) {
        if (blank(request.tenant()) || blank(request.username()) || blank(request.password())) {
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid_request",
                    "a login needs tenant, username and password");
        }
        Optional<Caller> caller;
        try {
            caller = tenant(request.tenant())
                    .flatMap(tenant -> login.login(new LoginCommand(tenant, request.username(), request.password())));
        } catch (LoginThrottledException e) {
            return Problems.response(HttpStatus.TOO_MANY_REQUESTS, "too_many_login_attempts", e.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        if (caller.isEmpty()) {
            return Problems.response(HttpStatus.UNAUTHORIZED, "invalid_credentials",
                    "tenant, username or password is wrong");
        }
        return tokens.generate(callers.authentication(caller.get(), Map.of("auth_method", "password")))
                .<HttpResponse<?>>map(HttpResponse::ok)
                .orElseThrow(() -> new IllegalStateException("no token generator is configured"));
    }

    private static Optional<TenantId> tenant(String name) {
        try {
            return Optional.of(TenantId.of(name));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The login form; every member is checked by hand so that a missing one is a clean 400. */
    @Serdeable
    record LoginRequest(@Nullable String tenant, @Nullable String username, @Nullable String password) {

        @Override
        public String toString() {
            return "LoginRequest[tenant=" + tenant + ", username=" + username + "]";
        }
    }
}
