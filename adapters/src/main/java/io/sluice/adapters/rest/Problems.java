package io.sluice.adapters.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import org.zalando.problem.Problem;
import org.zalando.problem.ProblemBuilder;
import io.micronaut.problem.HttpStatusType;

import java.net.URI;
import java.util.Map;

/**
 * Builds RFC 9457 {@code application/problem+json} responses. Every 4xx Sluice sends names its
 * stable machine {@code code} and says in {@code detail} exactly what was wrong; exception handlers
 * (one per family of exceptions) use this so that every problem has the same shape.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_BASE = "https://sluice.io/problems/";

    private Problems() {
    }

    /** A problem response with {@code code} as its machine code and type suffix. */
    public static MutableHttpResponse<Problem> response(HttpStatus status, String code, String detail) {
        return response(status, code, detail, Map.of());
    }

    /** A problem response carrying further members, such as the index of the offending chunk. */
    public static MutableHttpResponse<Problem> response(HttpStatus status, String code, String detail,
                                                 Map<String, Object> members) {
        ProblemBuilder builder = builder(status, code, detail);
        members.forEach(builder::with);
        return HttpResponse.<Problem>status(status).contentType(PROBLEM_JSON).body(builder.build());
    }

    /** The start of every problem: type and code from {@code code}, title and status from {@code status}. */
    static ProblemBuilder builder(HttpStatus status, String code, String detail) {
        return Problem.builder()
                .withType(URI.create(TYPE_BASE + code.replace('_', '-')))
                .withTitle(status.getReason())
                .withStatus(new HttpStatusType(status))
                .withDetail(detail)
                .with("code", code);
    }
}
