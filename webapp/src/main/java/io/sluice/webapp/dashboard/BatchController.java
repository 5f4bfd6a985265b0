package io.sluice.webapp.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.sluice.application.batch.BatchNotFoundException;
import io.sluice.application.batch.BatchQuery;
import io.sluice.application.batch.BatchSnapshot;
import io.sluice.application.batch.CancelBatch;
import io.sluice.application.batch.ChangeBatchStatusCommand;
import io.sluice.application.batch.CloseBatch;
import io.sluice.application.batch.GetBatch;
import io.sluice.application.batch.GroupChunkFailures;
import io.sluice.application.batch.ListChunks;
import io.sluice.application.batch.ListChunksQuery;
import io.sluice.application.port.Clock;
import io.sluice.domain.IllegalStateTransitionException;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.tenant.Caller;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One batch: summary counters, configuration, timing, failures by reason, a page of its chunks
 * and, when it runs a file, that run's progress and results. The page polls its fragment every
 * second until the batch and its file run have ended. Close and Cancel go through the same use
 * cases as {@code PATCH /batch/{id}}; a batch the caller may not see is a 404.
 */
@Controller("/batches/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@CsrfChecked
class BatchController {

    private final GetBatch getBatch;
    private final ListChunks listChunks;
    private final GroupChunkFailures failures;
    private final CloseBatch closeBatch;
    private final CancelBatch cancelBatch;
    private final FileRuns runs;
    private final Clock clock;

    BatchController(GetBatch getBatch, ListChunks listChunks, GroupChunkFailures failures, CloseBatch closeBatch,
                    CancelBatch cancelBatch, FileRuns runs, Clock clock) {
        this.getBatch = getBatch;
        this.listChunks = listChunks;
        this.failures = failures;
        this.closeBatch = closeBatch;
        this.cancelBatch = cancelBatch;
        this.runs = runs;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> show(HttpRequest<?> request, Caller caller, String id, @Nullable @QueryValue Long offset) {
        try {
            BatchId batch = BatchId.of(id);
            return HttpResponse.ok(page(request, caller, getBatch.get(new BatchQuery(caller, batch)),
                    offset == null ? 0 : Math.max(0, offset), null));
        } catch (BatchNotFoundException | IllegalArgumentException notFound) {
            return NotFoundPage.response();
        }
    }

    @Post(value = "/close", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> close(HttpRequest<?> request, Caller caller, String id, @Nullable String csrfToken) {
        return change(request, caller, id, closeBatch::close, "closed");
    }

    @Post(value = "/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> cancel(HttpRequest<?> request, Caller caller, String id, @Nullable String csrfToken) {
        return change(request, caller, id, cancelBatch::cancel, "cancelled");
    }

    /** The joined results of a file run, once it is done: input columns, outputs and errors, in input order. */
    @Get(value = "/results.csv", produces = "text/csv")
    MutableHttpResponse<?> results(Caller caller, String id) {
        try {
            BatchId batch = BatchId.of(id);
            getBatch.get(new BatchQuery(caller, batch));
            return runs.find(batch).filter(FileRun::hasResults)
                    .<MutableHttpResponse<?>>map(run -> HttpResponse.ok(new SystemFile(run.results().toFile(),
                            MediaType.of("text/csv;charset=UTF-8")).attach(resultsName(run))))
                    .orElseGet(NotFoundPage::response);
        } catch (BatchNotFoundException | IllegalArgumentException notFound) {
            return NotFoundPage.response();
        }
    }

    private MutableHttpResponse<?> change(HttpRequest<?> request, Caller caller, String id,
                                          Function<ChangeBatchStatusCommand, BatchSnapshot> useCase, String done) {
        BatchId batch;
        try {
            batch = BatchId.of(id);
        } catch (IllegalArgumentException malformed) {
            return NotFoundPage.response();
        }
        try {
            BatchSnapshot changed = useCase.apply(new ChangeBatchStatusCommand(caller, batch));
            return HttpResponse.ok(page(request, caller, changed, 0, "The batch was " + done + "."));
        } catch (BatchNotFoundException | IllegalArgumentException notFound) {
            return NotFoundPage.response();
        } catch (IllegalStateTransitionException refused) {
            BatchSnapshot current = getBatch.get(new BatchQuery(caller, batch));
            Map<String, Object> model = model(caller, current, 0);
            model.put("actionError", "The batch cannot be " + done + " now: it is "
                    + current.batch().status().wireName().replace('_', ' ') + ".");
            return HttpResponse.status(HttpStatus.CONFLICT).body(Pages.pageOrFragment(request, "batches/show",
                    "batches/_batch", model));
        }
    }

    private io.micronaut.views.ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Caller caller,
                                                                       BatchSnapshot snapshot, long offset,
                                                                       @Nullable String notice) {
        Map<String, Object> model = model(caller, snapshot, offset);
        if (notice != null) {
            model.put("notice", notice);
        }
        return Pages.pageOrFragment(request, "batches/show", "batches/_batch", model);
    }

    private Map<String, Object> model(Caller caller, BatchSnapshot snapshot, long offset) {
        Map<String, Object> model = new HashMap<>();
        BatchFigures figures = BatchFigures.of(snapshot, clock.now());
        model.put("b", figures);
        model.put("config", snapshot.batch().configuration());
        model.put("times", snapshot.batch().timestamps());
        model.put("failures", failures.group(new BatchQuery(caller, snapshot.batch().id())));
        model.put("chunks", listChunks.list(new ListChunksQuery(caller, snapshot.batch().id(), offset,
                ListChunksQuery.DEFAULT_LIMIT)));
        FileRun run = runs.find(snapshot.batch().id()).orElse(null);
        model.put("run", run);
        model.put("live", !figures.isEnded() || run != null && run.isActive());
        return model;
    }

    private static String resultsName(FileRun run) {
        String name = run.fileName().replaceAll("(?i)\\.csv$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return (name.isBlank() ? "batch" : name) + "-results.csv";
    }
}
