package io.sluice.adapters.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.sluice.adapters.rest.Problems;
import jakarta.inject.Singleton;
import org.zalando.problem.Problem;

/** Another tenant's path answers 404 problem+json, exactly like a resource that does not exist. */
@Singleton
@Produces
@Requires(classes = {TenantMismatchException.class, ExceptionHandler.class})
class TenantMismatchExceptionHandler implements ExceptionHandler<TenantMismatchException, HttpResponse<Problem>> {

    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<Problem> handle(HttpRequest request, TenantMismatchException exception) {
        return Problems.response(HttpStatus.NOT_FOUND, "not_found", "no such resource: " + request.getPath());
    }
}
