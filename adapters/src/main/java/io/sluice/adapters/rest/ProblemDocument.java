package io.sluice.adapters.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every {@code application/problem+json} answer, for the OpenAPI document only: the
 * answers themselves are built by {@link Problems}. Some problems carry further members, such as the
 * index of the offending chunk.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details with Sluice's stable machine code")
public record ProblemDocument(
        @Schema(description = "https://sluice.io/problems/ followed by the code with dashes",
                example = "https://sluice.io/problems/batch-not-found") String type,
        @Schema(description = "The HTTP reason phrase", example = "Not Found") String title,
        @Schema(description = "The HTTP status", example = "404") int status,
        @Schema(description = "What exactly was wrong, and where", example = "no batch 6b1d... in this tenant") String detail,
        @Schema(description = "The stable machine code", example = "batch_not_found") String code) {

    /** The media type of every problem, as a constant for annotations. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
