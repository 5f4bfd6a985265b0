package io.sluice.adapters.rest.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.sluice.application.service.DownloadWorkbook;
import io.sluice.application.service.GetVersionSchema;
import io.sluice.application.service.ListServices;
import io.sluice.application.service.ListVersions;
import io.sluice.application.service.PublishService;
import io.sluice.application.service.PublishServiceCommand;
import io.sluice.application.service.ResolveService;
import io.sluice.application.service.ResolveServiceQuery;
import io.sluice.application.service.RetireVersion;
import io.sluice.domain.service.ServiceReference;
import io.sluice.domain.service.ServiceVersion;
import io.sluice.domain.tenant.Caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishing and browsing services: {@code /{tenant}/api/v4/services} and
 * {@code /{tenant}/api/v4/versions}. The caller is bound (and checked against the path's tenant)
 * by the security adapter; another tenant's service or version is a 404.
 */
@Controller("/{tenant}/api/v4")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ServicesController {

    private final PublishService publish;
    private final ListServices listServices;
    private final ListVersions listVersions;
    private final GetVersionSchema getSchema;
    private final DownloadWorkbook download;
    private final RetireVersion retire;
    private final ResolveService resolve;

    ServicesController(PublishService publish, ListServices listServices, ListVersions listVersions,
                       GetVersionSchema getSchema, DownloadWorkbook download, RetireVersion retire,
                       ResolveService resolve) {
        this.publish = publish;
        this.listServices = listServices;
        this.listVersions = listVersions;
        this.getSchema = getSchema;
        this.download = download;
        this.retire = retire;
        this.resolve = resolve;
    }

    @Post(value = "/services", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<Map<String, Object>> publish(Caller caller,
                                              @Nullable @Part("file") CompletedFileUpload file,
                                              @Nullable @Part("folder") String folder,
                                              @Nullable @Part("service") String service,
                                              @Nullable @Part("version") String version,
                                              @Nullable @Part("versioning") String versioning,
                                              @Nullable @Part("effective_start") String effectiveStart,
                                              @Nullable @Part("effective_end") String effectiveEnd) {
        PublishServiceCommand command;
        try {
            command = PublishServiceCommand.of(caller, folder, service, file == null ? null : file.getFilename(),
                    file == null ? null : bytes(file), version, versioning, effectiveStart, effectiveEnd);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidServiceRequestException(e.getMessage(), e);
        }
        return HttpResponse.created(ServiceViews.versionWithSchema(publish.publish(command)));
    }

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/services")
    Map<String, Object> services(Caller caller,
                                 @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size) {
        try {
            return ServiceViews.page(listServices.list(new ListServices.ListServicesQuery(caller.tenant(), page, size)));
        } catch (IllegalArgumentException e) {
            throw new InvalidServiceRequestException(e.getMessage(), e);
        }
    }

    @Get("/services/{serviceId}/versions")
    Map<String, Object> versionsById(Caller caller, @PathVariable String serviceId) {
        return versions(caller, reference(serviceId));
    }

    @Get("/folders/{folder}/services/{service}/versions")
    Map<String, Object> versionsByPath(Caller caller, @PathVariable String folder,
                                       @PathVariable String service) {
        return versions(caller, reference(folder + "/" + service));
    }

    private Map<String, Object> versions(Caller caller, ServiceReference reference) {
        List<ServiceVersion> versions = listVersions.list(caller.tenant(), reference);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("data", versions.stream().map(ServiceViews::version).toList());
        return view;
    }

    /** Which version a reference in any URI form means now, or at {@code version_by_timestamp}. */
    @Get("/services/resolve")
    Map<String, Object> resolve(Caller caller, @QueryValue String service,
                                @Nullable @QueryValue("version_by_timestamp") String versionByTimestamp) {
        ResolveServiceQuery query;
        try {
            query = new ResolveServiceQuery(caller.tenant(), service, null,
                    versionByTimestamp == null ? null : Instant.parse(versionByTimestamp));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidServiceRequestException(e.getMessage(), e);
        }
        return ServiceViews.versionWithSchema(resolve.resolve(query));
    }

    @Get("/versions/{versionId}")
    Map<String, Object> version(Caller caller, @PathVariable String versionId) {
        return ServiceViews.versionWithSchema(getSchema.get(caller.tenant(), uuid(versionId)));
    }

    @Get("/versions/{versionId}/file")
    HttpResponse<byte[]> file(Caller caller, @PathVariable String versionId) {
        DownloadWorkbook.WorkbookFile workbook = download.download(caller.tenant(), uuid(versionId));
        return HttpResponse.ok(workbook.content())
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"" + workbook.fileName().replace("\"", "") + "\"");
    }

    @Post("/versions/{versionId}/retire")
    Map<String, Object> retire(Caller caller, @PathVariable String versionId) {
        return ServiceViews.version(retire.retire(caller.tenant(), uuid(versionId)));
    }

    private static ServiceReference reference(String text) {
        try {
            return ServiceReference.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidServiceRequestException(e.getMessage(), e);
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidServiceRequestException("not a version id: " + text, e);
        }
    }
}
