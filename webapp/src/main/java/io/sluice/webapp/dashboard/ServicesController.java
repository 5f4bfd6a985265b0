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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.sluice.application.port.InvalidWorkbookException;
import io.sluice.application.port.ServiceRegistry.VersionConflictException;
import io.sluice.application.service.GetVersionSchema;
import io.sluice.application.service.ListServices;
import io.sluice.application.service.ListVersions;
import io.sluice.application.service.PublishService;
import io.sluice.application.service.PublishServiceCommand;
import io.sluice.application.service.ServiceNotFoundException;
import io.sluice.domain.service.ServicePath;
import io.sluice.domain.service.ServiceReference;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.tenant.Caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Services of the caller's tenant: the list with each service's versions, one version's schema
 * with a try-it form ({@link TryItController}), and publishing a workbook as a new version.
 */
@Controller("/services")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@CsrfChecked
class ServicesController {

    private static final int PAGE_SIZE = 100;

    private final ListServices listServices;
    private final ListVersions listVersions;
    private final GetVersionSchema getSchema;
    private final PublishService publish;

    ServicesController(ListServices listServices, ListVersions listVersions, GetVersionSchema getSchema,
                       PublishService publish) {
        this.listServices = listServices;
        this.listVersions = listVersions;
        this.getSchema = getSchema;
        this.publish = publish;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(Caller caller, @Nullable @QueryValue String published) {
        Map<String, Object> model = listModel(caller);
        if (published != null) {
            model.put("notice", "Published " + published + ".");
        }
        return new ModelAndView<>("services/list", model);
    }

    @Get(value = "/versions/{versionId}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> version(Caller caller, String versionId) {
        try {
            ServiceVersion version = getSchema.get(caller.tenant(), UUID.fromString(versionId));
            Map<String, Object> model = new HashMap<>();
            model.put("version", version);
            model.put("versions", listVersions.list(caller.tenant(), ServiceReference.parse(version.path().toString())));
            return HttpResponse.ok(new ModelAndView<>("services/version", model));
        } catch (ServiceNotFoundException | IllegalArgumentException notFound) {
            return NotFoundPage.response();
        }
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> publish(HttpRequest<?> request, Caller caller, @Nullable @Part("file") CompletedFileUpload file,
                                   @Nullable @Part("folder") String folder, @Nullable @Part("service") String service,
                                   @Nullable @Part("version") String version,
                                   @Nullable @Part("versioning") String versioning,
                                   @Nullable @Part("csrfToken") String csrfToken) {
        try {
            ServiceVersion published = publish.publish(PublishServiceCommand.of(caller, folder, service,
                    file == null ? null : file.getFilename(), file == null ? null : bytes(file), version, versioning,
                    null, null));
            String label = published.path() + " " + published.version();
            URI target = URI.create("/services?published=" + java.net.URLEncoder.encode(label, java.nio.charset.StandardCharsets.UTF_8));
            return Pages.isHtmx(request)
                    ? HttpResponse.ok().header("HX-Redirect", target.toString())
                    : HttpResponse.seeOther(target);
        } catch (InvalidWorkbookException | VersionConflictException | IllegalArgumentException refused) {
            Map<String, Object> model = listModel(caller);
            model.put("publishError", refused.getMessage());
            model.put("form", new PublishForm(folder, service, version));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(Pages.pageOrFragment(request, "services/list", "services/_publish", model));
        }
    }

    private Map<String, Object> listModel(Caller caller) {
        Map<String, Object> model = new HashMap<>();
        var page = listServices.list(new ListServices.ListServicesQuery(caller.tenant(), 0, PAGE_SIZE));
        List<ServiceRow> rows = page.services().stream()
                .map(summary -> new ServiceRow(summary.path(), summary.latestVersion(), summary.versionCount(),
                        summary.createdAt(), listVersions.list(caller.tenant(), ServiceReference.parse(summary.path().toString()))))
                .toList();
        model.put("services", rows);
        model.put("total", page.total());
        model.put("form", new PublishForm("", "", ""));
        return model;
    }

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One service in the list, with all its versions, newest first. */
    record ServiceRow(ServicePath path, String latestVersion, int versionCount, java.time.Instant createdAt,
                      List<ServiceVersion> versions) {
    }

    /** What the publish form showed, to show it again after a refusal. */
    record PublishForm(String folder, String service, String version) {
    }
}
