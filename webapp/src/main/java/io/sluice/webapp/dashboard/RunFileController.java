package io.sluice.webapp.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.sluice.application.service.ListServices;
import io.sluice.application.service.ListVersions;
import io.sluice.application.service.ServiceNotFoundException;
import io.sluice.domain.service.ServiceReference;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.tenant.Caller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Run a file: the form (CSV, service version, chunk size, key column) and its upload, which
 * {@link FileRuns} turns into a normal batch; the answer leads to that batch's page.
 */
@Controller("/run")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@CsrfChecked
class RunFileController {

    static final int DEFAULT_CHUNK_SIZE = 500;
    private static final int SERVICES = 100;

    private final ListServices listServices;
    private final ListVersions listVersions;
    private final FileRuns runs;

    RunFileController(ListServices listServices, ListVersions listVersions, FileRuns runs) {
        this.listServices = listServices;
        this.listVersions = listVersions;
        this.runs = runs;
    }

    /** What the form showed, to show it again after a refusal. */
    record RunForm(String service, int chunkSize, String keyColumn, String inputMb) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> form(HttpRequest<?> request, Caller caller) {
        return page(request, caller, HttpStatus.OK, new RunForm("", DEFAULT_CHUNK_SIZE, "", ""), null);
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> run(HttpRequest<?> request, Caller caller, @Nullable @Part("file") CompletedFileUpload file,
                               @Nullable @Part("service") String service, @Nullable @Part("chunkSize") String chunkSize,
                               @Nullable @Part("keyColumn") String keyColumn, @Nullable @Part("inputMb") String inputMb,
                               @Nullable @Part("csrfToken") String csrfToken) {
        RunForm form = new RunForm(service == null ? "" : service, parseInt(chunkSize, DEFAULT_CHUNK_SIZE),
                keyColumn == null ? "" : keyColumn, inputMb == null ? "" : inputMb);
        try {
            if (file == null || file.getFilename() == null || file.getFilename().isBlank() || file.getSize() == 0) {
                throw new IllegalArgumentException("choose a CSV file with a header row and at least one record");
            }
            Double mb = inputMb == null || inputMb.isBlank() ? null : Double.valueOf(inputMb.trim());
            FileRun run;
            try (InputStream upload = file.getInputStream()) {
                run = runs.start(new FileRuns.Request(caller, file.getFilename(), form.service(), form.chunkSize(),
                        form.keyColumn(), mb), upload);
            }
            URI target = URI.create("/batches/" + run.batch().value());
            return Pages.isHtmx(request)
                    ? HttpResponse.ok().header("HX-Redirect", target.toString())
                    : HttpResponse.seeOther(target);
        } catch (IllegalArgumentException | ServiceNotFoundException refused) {
            return page(request, caller, HttpStatus.UNPROCESSABLE_ENTITY, form, refused.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, Caller caller, HttpStatus status, RunForm form,
                                        @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("versions", versions(caller));
        model.put("form", form);
        model.put("maxChunkSize", FileRuns.MAX_CHUNK_SIZE);
        if (error != null) {
            model.put("runError", error);
        }
        return HttpResponse.status(status).body(Pages.pageOrFragment(request, "run/form", "run/_form", model));
    }

    /** Every version that can run, newest first within each service. */
    private List<ServiceVersion> versions(Caller caller) {
        List<ServiceVersion> versions = new ArrayList<>();
        listServices.list(new ListServices.ListServicesQuery(caller.tenant(), 0, SERVICES)).services().forEach(summary ->
                listVersions.list(caller.tenant(), ServiceReference.parse(summary.path().toString())).stream()
                        .filter(v -> !v.isRetired())
                        .forEach(versions::add));
        return versions;
    }

    private static int parseInt(@Nullable String text, int fallback) {
        try {
            return text == null || text.isBlank() ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
