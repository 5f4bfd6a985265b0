package io.sluice.adapters.rest.service;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.sluice.adapters.rest.ProblemDocument;
import io.sluice.application.service.ExecuteCommand;
import io.sluice.application.service.ExecuteRecords.ExecuteResult;
import io.sluice.application.service.ExecuteRecords;
import io.sluice.application.service.ResolveServiceQuery;
import io.sluice.domain.record.OutputSelection;
import io.sluice.domain.record.RecordOutcome;
import io.sluice.domain.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Execute API v4: computes the records of one request synchronously. Outputs come back in the
 * shape the inputs were given: a table with a header row, or a list of objects.
 */
@Tag(name = "execute")
@Controller("/{tenant}/api/v4/execute")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ExecuteController {

    private final ExecuteRecords execute;

    ExecuteController(ExecuteRecords execute) {
        this.execute = execute;
    }

    @Operation(operationId = "execute", summary = "Evaluate a few records synchronously against a service version")
    @ApiResponse(responseCode = "200", description = "Outputs, warnings and errors per record")
    @ApiResponse(responseCode = "400", description = "validation_error: the request is malformed; detail says what",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "service_not_found: no such service or version",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Post
    Map<String, Object> execute(@Parameter(hidden = true) Caller caller, @Body Map<String, Object> body) {
        ExecuteCommand command;
        boolean table;
        try {
            Object inputs = body.get("inputs");
            table = inputs instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof List<?>;
            command = new ExecuteCommand(caller, new ResolveServiceQuery(caller.tenant(), text(body, "service"),
                    uuid(text(body, "version_id")), instant(text(body, "version_by_timestamp"))),
                    ExecuteCommand.recordsOf(inputs), OutputSelection.of(outputs(body.get("output"))),
                    text(body, "call_purpose"), text(body, "source_system"), text(body, "correlation_id"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidServiceRequestException(e.getMessage(), e);
        }
        return view(execute.execute(command), command, table);
    }

    private static Map<String, Object> view(ExecuteResult result, ExecuteCommand command, boolean table) {
        List<Object> outputs = new ArrayList<>();
        List<Object> warnings = new ArrayList<>();
        List<Object> errors = new ArrayList<>();
        List<Long> processTimes = new ArrayList<>();
        if (table) {
            outputs.add(result.outputNames());
        }
        for (RecordOutcome outcome : result.outcomes()) {
            outputs.add(table ? result.outputNames().stream().map(outcome.outputs()::get).toList() : outcome.outputs());
            warnings.add(outcome.warnings().isEmpty() ? null : ServiceViews.warnings(outcome.warnings()));
            errors.add(outcome.errors().isEmpty() ? null : ServiceViews.errors(outcome.errors()));
            processTimes.add(Math.round(outcome.processTimeNanos() / 1_000_000d));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("outputs", outputs);
        view.put("warnings", warnings);
        view.put("errors", errors);
        view.put("process_time", processTimes);
        view.put("service_id", result.version().serviceId().toString());
        view.put("version_id", result.version().versionId().toString());
        view.put("version", result.version().version().toString());
        view.put("service_uri", result.version().uri());
        view.put("compiler_version", result.compilerVersion());
        view.put("call_id", result.callId().toString());
        view.put("call_purpose", command.callPurpose());
        view.put("source_system", command.sourceSystem());
        view.put("correlation_id", command.correlationId());
        view.put("request_timestamp", result.requestTimestamp().toString());
        return view;
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return (String) value;
    }

    private static List<String> outputs(Object output) {
        if (output == null) {
            return List.of();
        }
        if (output instanceof String single) {
            return List.of(single);
        }
        if (output instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException("output must be an output name, a regular expression or a list of them");
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("version_id is not a UUID: " + text, e);
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
