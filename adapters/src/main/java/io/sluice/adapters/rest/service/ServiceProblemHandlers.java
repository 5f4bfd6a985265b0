package io.sluice.adapters.rest.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.sluice.adapters.rest.Problems;
import io.sluice.application.port.InvalidWorkbookException;
import io.sluice.application.port.ServiceRegistry.VersionConflictException;
import io.sluice.application.service.ServiceNotFoundException;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The problem+json answers of the services and execute APIs, one handler per exception. */
final class ServiceProblemHandlers {

    private ServiceProblemHandlers() {
    }

    @Produces
    @Singleton
    @Requires(classes = {ServiceNotFoundException.class, ExceptionHandler.class})
    static class NotFound implements ExceptionHandler<ServiceNotFoundException, HttpResponse<?>> {
        @Override
        @SuppressWarnings("rawtypes")
        public HttpResponse<?> handle(HttpRequest request, ServiceNotFoundException e) {
            return Problems.response(HttpStatus.NOT_FOUND, "service_not_found", e.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {InvalidWorkbookException.class, ExceptionHandler.class})
    static class InvalidWorkbook implements ExceptionHandler<InvalidWorkbookException, HttpResponse<?>> {
        @Override
        @SuppressWarnings("rawtypes")
        public HttpResponse<?> handle(HttpRequest request, InvalidWorkbookException e) {
            List<Map<String, Object>> problems = e.problems().stream().map(p -> {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("location", p.location());
                problem.put("message", p.message());
                return problem;
            }).toList();
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid_workbook",
                    "The workbook cannot be published: " + e.getMessage(), Map.of("problems", problems));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {VersionConflictException.class, ExceptionHandler.class})
    static class Conflict implements ExceptionHandler<VersionConflictException, HttpResponse<?>> {
        @Override
        @SuppressWarnings("rawtypes")
        public HttpResponse<?> handle(HttpRequest request, VersionConflictException e) {
            return Problems.response(HttpStatus.CONFLICT, "version_conflict", e.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {InvalidServiceRequestException.class, ExceptionHandler.class})
    static class Invalid implements ExceptionHandler<InvalidServiceRequestException, HttpResponse<?>> {
        @Override
        @SuppressWarnings("rawtypes")
        public HttpResponse<?> handle(HttpRequest request, InvalidServiceRequestException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "validation_error", e.getMessage());
        }
    }
}
