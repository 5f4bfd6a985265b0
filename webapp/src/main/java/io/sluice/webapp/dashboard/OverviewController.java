package io.sluice.webapp.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.sluice.domain.tenant.Caller;

import java.util.HashMap;
import java.util.Map;

/** The tenant overview at {@code /}: where a signed-in user lands. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class OverviewController {

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> overview(HttpRequest<?> request, Caller caller) {
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", caller.tenant().value());
        return Pages.pageOrFragment(request, "overview", "overview/_batches", model);
    }
}
