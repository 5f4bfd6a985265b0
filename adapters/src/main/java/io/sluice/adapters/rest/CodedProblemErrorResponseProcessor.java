package io.sluice.adapters.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import io.micronaut.problem.conf.ProblemConfiguration;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

import java.net.URI;
import java.util.Locale;

/**
 * The errors the framework answers by itself (no such route, wrong method or media type,
 * unreadable body) become problem+json with a stable {@code code} too, like every problem Sluice
 * builds with {@link Problems}: the code is the status reason in snake case ({@code not_found},
 * {@code method_not_allowed}, {@code unsupported_media_type}, {@code bad_request}).
 */
@Singleton
@Replaces(ProblemErrorResponseProcessor.class)
class CodedProblemErrorResponseProcessor extends ProblemErrorResponseProcessor {

    CodedProblemErrorResponseProcessor(ProblemConfiguration configuration) {
        super(configuration);
    }

    @Override
    @NonNull
    protected ThrowableProblem defaultProblem(@NonNull ErrorContext errorContext, @NonNull HttpStatus status) {
        ThrowableProblem problem = super.defaultProblem(errorContext, status);
        String code = status.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return Problems.builder(status, code, problem.getDetail() != null ? problem.getDetail() : status.getReason())
                .withInstance(problem.getInstance() == null ? null : URI.create(problem.getInstance().toString()))
                .build();
    }
}
