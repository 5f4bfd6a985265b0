package io.sluice.webapp.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.sluice.application.service.ExecuteCommand;
import io.sluice.application.service.ExecuteRecords;
import io.sluice.application.service.ResolveServiceQuery;
import io.sluice.application.service.ServiceNotFoundException;
import io.sluice.domain.record.OutputSelection;
import io.sluice.domain.record.RecordOutcome;
import io.sluice.domain.tenant.Caller;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The try-it form of a service version: executes one record through the Execute use case and
 * shows its outputs, warnings and errors. Inputs arrive as form fields {@code in:<input name>};
 * a blank field is left out, so the workbook's default applies (and a warning says so).
 */
@Controller("/services/versions/{versionId}/try")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@CsrfChecked
class TryItController {

    static final String INPUT_PREFIX = "in:";

    private final ExecuteRecords execute;

    TryItController(ExecuteRecords execute) {
        this.execute = execute;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> tryIt(HttpRequest<?> request, Caller caller, String versionId, @Body Map<String, Object> form,
                          @Nullable String csrfToken) {
        Map<String, Object> record = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (field.startsWith(INPUT_PREFIX) && value != null && !value.toString().isBlank()) {
                record.put(field.substring(INPUT_PREFIX.length()), value.toString().trim());
            }
        });
        Map<String, Object> model = new HashMap<>();
        try {
            UUID id = UUID.fromString(versionId);
            ExecuteRecords.ExecuteResult result = execute.execute(new ExecuteCommand(caller,
                    new ResolveServiceQuery(caller.tenant(), null, id, null), List.of(record), OutputSelection.all(),
                    "try-it", "dashboard", null));
            RecordOutcome outcome = result.outcomes().get(0);
            model.put("outcome", outcome);
            model.put("millis", String.format(java.util.Locale.ROOT, "%.2f", outcome.processTimeNanos() / 1_000_000.0));
        } catch (ServiceNotFoundException | IllegalArgumentException refused) {
            model.put("failure", refused.getMessage());
        }
        return HttpResponse.ok(Pages.pageOrFragment(request, "services/try-result", "services/_try-result", model));
    }
}
