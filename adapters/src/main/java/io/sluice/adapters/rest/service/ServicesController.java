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
import io.sluice.adapters.rest.ProblemDocument;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "services")
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

    @Operation(operationId = "publishService", summary = "Publish a workbook as a new service version (multipart)")
    @ApiResponse(responseCode = "201", description = "The new version with its schema")
    @ApiResponse(responseCode = "400", description = "validation_error: the request is malformed; detail says what",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Post(value = "/services", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<Map<String, Object>> publish(@Parameter(hidden = true) Caller caller,
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

    @Operation(operationId = "listServices", summary = "List the tenant's services, a page at a time")
    @ApiResponse(responseCode = "200", description = "A page of services")
    @ApiResponse(responseCode = "400", description = "validation_error: the request is malformed; detail says what",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get("/services")
    Map<String, Object> services(@Parameter(hidden = true) Caller caller,
                                 @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size) {
        try {
            return ServiceViews.page(listServices.list(new ListServices.ListServicesQuery(caller.tenant(), page, size)));
        } catch (IllegalArgumentException e) {
            throw new InvalidServiceRequestException(e.getMessage(), e);
        }
    }

    @Operation(operationId = "listVersionsById", summary = "The versions of a service, by id")
    @ApiResponse(responseCode = "200", description = "The versions")
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "service_not_found: no such service or version",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get("/services/{serviceId}/versions")
    Map<String, Object> versionsById(@Parameter(hidden = true) Caller caller, @PathVariable String serviceId) {
        return versions(caller, reference(serviceId));
    }

    @Operation(operationId = "listVersionsByPath", summary = "The versions of a service, by folder and name")
    @ApiResponse(responseCode = "200", description = "The versions")
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "service_not_found: no such service or version",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get("/folders/{folder}/services/{service}/versions")
    Map<String, Object> versionsByPath(@Parameter(hidden = true) Caller caller, @PathVariable String folder,
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
    @Operation(operationId = "resolveService", summary = "Which version a service reference means now, or at version_by_timestamp")
    @ApiResponse(responseCode = "200", description = "The version with its schema")
    @ApiResponse(responseCode = "400", description = "validation_error: the request is malformed; detail says what",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "service_not_found: no such service or version",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get("/services/resolve")
    Map<String, Object> resolve(@Parameter(hidden = true) Caller caller, @QueryValue String service,
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

    @Operation(operationId = "getVersion", summary = "A version with its schema")
    @ApiResponse(responseCode = "200", description = "The version")
    @ApiResponse(responseCode = "400", description = "validation_error: the request is malformed; detail says what",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "service_not_found: no such service or version",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get("/versions/{versionId}")
    Map<String, Object> version(@Parameter(hidden = true) Caller caller, @PathVariable String versionId) {
        return ServiceViews.versionWithSchema(getSchema.get(caller.tenant(), uuid(versionId)));
    }

    @Operation(operationId = "downloadWorkbook", summary = "Download the workbook of a version")
    @ApiResponse(responseCode = "200", description = "The .xlsx file")
    @ApiResponse(responseCode = "400", description = "validation_error: the request is malformed; detail says what",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "service_not_found: no such service or version",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get("/versions/{versionId}/file")
    HttpResponse<byte[]> file(@Parameter(hidden = true) Caller caller, @PathVariable String versionId) {
        DownloadWorkbook.WorkbookFile workbook = download.download(caller.tenant(), uuid(versionId));
        return HttpResponse.ok(workbook.content())
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"" + workbook.fileName().replace("\"", "") + "\"");
    }

    @Operation(operationId = "retireVersion", summary = "Retire a version")
    @ApiResponse(responseCode = "200", description = "The retired version")
    @ApiResponse(responseCode = "400", description = "validation_error: the request is malformed; detail says what",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "service_not_found: no such service or version",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Post("/versions/{versionId}/retire")
    Map<String, Object> retire(@Parameter(hidden = true) Caller caller, @PathVariable String versionId) {
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
