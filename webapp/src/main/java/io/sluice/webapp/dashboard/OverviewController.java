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
import io.sluice.application.batch.GetTenantBatchStatus;
import io.sluice.application.batch.TenantBatchStatusView;
import io.sluice.application.port.Clock;
import io.sluice.domain.tenant.Caller;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The tenant overview at {@code /}: batches in progress and those that ended within the last hour
 * (a supervisor's view holds every batch of the tenant, anyone else's only their own, as
 * {@link GetTenantBatchStatus} decides), and the tenant's buffers and workers. The page polls its
 * fragment ({@code HX-Request}) every second.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class OverviewController {

    private final GetTenantBatchStatus status;
    private final Clock clock;

    OverviewController(GetTenantBatchStatus status, Clock clock) {
        this.status = status;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> overview(HttpRequest<?> request, Caller caller) {
        TenantBatchStatusView view = status.status(caller);
        Instant now = clock.now();
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", caller.tenant().value());
        model.put("inProgress", view.inProgress().stream().map(s -> BatchFigures.of(s, now)).toList());
        model.put("recent", view.recent().stream().map(s -> BatchFigures.of(s, now)).toList());
        model.put("tenantView", view);
        model.put("refreshed", now);
        return Pages.pageOrFragment(request, "overview", "overview/_batches", model);
    }
}
