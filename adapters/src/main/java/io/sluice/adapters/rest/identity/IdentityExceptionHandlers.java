package io.sluice.adapters.rest.identity;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.sluice.adapters.rest.Problems;
import io.sluice.application.identity.ApiKeyNotFoundException;
import io.sluice.application.identity.SupervisorRequiredException;
import jakarta.inject.Singleton;
import org.zalando.problem.Problem;

/** The identity use cases' exceptions as problem+json. */
final class IdentityExceptionHandlers {

    private IdentityExceptionHandlers() {
    }

    /** A caller without the supervisor role: 403, since the resource is its own tenant's. */
    @Singleton
    @Produces
    @Requires(classes = {SupervisorRequiredException.class, ExceptionHandler.class})
    static class SupervisorRequired implements ExceptionHandler<SupervisorRequiredException, HttpResponse<Problem>> {

        @Override
        @SuppressWarnings("rawtypes")
        public HttpResponse<Problem> handle(HttpRequest request, SupervisorRequiredException exception) {
            return Problems.response(HttpStatus.FORBIDDEN, "supervisor_required", exception.getMessage());
        }
    }

    /** No such key in the caller's tenant (a key of another tenant included): 404. */
    @Singleton
    @Produces
    @Requires(classes = {ApiKeyNotFoundException.class, ExceptionHandler.class})
    static class ApiKeyNotFound implements ExceptionHandler<ApiKeyNotFoundException, HttpResponse<Problem>> {

        @Override
        @SuppressWarnings("rawtypes")
        public HttpResponse<Problem> handle(HttpRequest request, ApiKeyNotFoundException exception) {
            return Problems.response(HttpStatus.NOT_FOUND, "api_key_not_found", exception.getMessage());
        }
    }
}
