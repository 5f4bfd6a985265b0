package io.sluice.adapters.rest.batch;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.ObjectMapper;
import io.sluice.adapters.rest.ProblemDocument;
import io.sluice.application.batch.BatchQuery;
import io.sluice.application.batch.BatchSnapshot;
import io.sluice.application.batch.CancelBatch;
import io.sluice.application.batch.ChangeBatchStatusCommand;
import io.sluice.application.batch.ChunkResultsView;
import io.sluice.application.batch.CloseBatch;
import io.sluice.application.batch.CreateBatch;
import io.sluice.application.batch.CreateBatchCommand;
import io.sluice.application.batch.FetchChunkResults;
import io.sluice.application.batch.FetchChunkResultsQuery;
import io.sluice.application.batch.GetBatch;
import io.sluice.application.batch.GetPipelineStatus;
import io.sluice.application.batch.GetTenantBatchStatus;
import io.sluice.application.batch.SubmitChunks;
import io.sluice.application.batch.SubmitChunksCommand;
import io.sluice.application.batch.TenantBatchStatusView;
import io.sluice.application.chunk.ChunkInput;
import io.sluice.application.chunk.StoredResult;
import io.sluice.application.port.Clock;
import io.sluice.domain.batch.BatchConfiguration;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.batch.BatchStatus;
import io.sluice.domain.record.OutputSelection;
import io.sluice.domain.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.BsonDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Batch API v4 of the reference, under {@code /{tenant}/api/v4}. Bodies are read here (chunk
 * posts in one streaming pass, JSON or BSON) and every answer has the reference's field names.
 * Every action talks to the database, so none runs on an event loop: a chunk post being parsed
 * and committed must not hold up a status call queued behind it on the same loop.
 */
@Tag(name = "batch")
@Controller("/{tenant}/api/v4/batch")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BatchController {

    static final String BSON = "application/bson";

    private final CreateBatch createBatch;
    private final SubmitChunks submitChunks;
    private final GetPipelineStatus getPipelineStatus;
    private final FetchChunkResults fetchChunkResults;
    private final CloseBatch closeBatch;
    private final CancelBatch cancelBatch;
    private final GetBatch getBatch;
    private final GetTenantBatchStatus getTenantBatchStatus;
    private final ObjectMapper json;
    private final Clock clock;

    BatchController(CreateBatch createBatch, SubmitChunks submitChunks, GetPipelineStatus getPipelineStatus,
                    FetchChunkResults fetchChunkResults, CloseBatch closeBatch, CancelBatch cancelBatch,
                    GetBatch getBatch, GetTenantBatchStatus getTenantBatchStatus, ObjectMapper json, Clock clock) {
        this.createBatch = createBatch;
        this.submitChunks = submitChunks;
        this.getPipelineStatus = getPipelineStatus;
        this.fetchChunkResults = fetchChunkResults;
        this.closeBatch = closeBatch;
        this.cancelBatch = cancelBatch;
        this.getBatch = getBatch;
        this.getTenantBatchStatus = getTenantBatchStatus;
        this.json = json;
        this.clock = clock;
    }

    /** Creates a batch against a service; it starts {@code created} (or {@code pending} until the tenant has room). */
    @Operation(operationId = "createBatch", summary = "Create a batch against a service")
    @ApiResponse(responseCode = "200", description = "The new batch, created or pending")
    @ApiResponse(responseCode = "400", description = "validation_error: the request is malformed; detail says what and where",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "service_not_found: no such service or version",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    BatchJson.BatchEnvelope create(@PathVariable String tenant, @Parameter(hidden = true) Caller caller,
                                   @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                           schema = @Schema(implementation = CreateBatchRequest.class)))
                                   @Body byte[] body) {
        CreateBatchRequest request = read(body, CreateBatchRequest.class);
        CreateBatchCommand command = valid(() -> new CreateBatchCommand(caller, request.service(),
                new BatchConfiguration.Requested(request.initialWorkers(), request.maxWorkers(),
                        request.runnerThreadCount(), request.chunksPerThread(), request.maxInputInMb(),
                        request.maxOutputInMb(), request.acceptableErrorPercentage(), OutputSelection.of(request.output()),
                        request.uniqueRecordKey(), request.callPurpose(), request.sourceSystem(), request.correlationId())));
        BatchSnapshot created = valid(() -> createBatch.create(command));
        return BatchJson.envelope(created, BatchJson.Detail.BRIEF, clock.now());
    }

    /** Adds chunks to the input buffer, all or nothing; answers the pipeline status. */
    @Operation(operationId = "submitChunks", summary = "Submit chunks (JSON or application/bson), all or nothing")
    @ApiResponse(responseCode = "200", description = "The pipeline status after the chunks were committed")
    @ApiResponse(responseCode = "400", description = "validation_error: the request is malformed; detail says what and where",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "batch_not_found: no such batch visible to the caller",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "batch_not_accepting_chunks, or chunk_conflict: a chunk id posted before with other content",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "413", description = "payload_too_large: the body is larger than the whole input buffer",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "429", description = "input_buffer_full: the chunks do not fit the input buffer now; retry after Retry-After seconds",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Post(uri = "/{id}/chunks", consumes = {MediaType.APPLICATION_JSON, BSON}, produces = MediaType.APPLICATION_JSON)
    BatchJson.PipelineStatusJson submit(@PathVariable String tenant, @PathVariable String id,
                                        @Parameter(hidden = true) Caller caller, @Parameter(hidden = true) HttpRequest<?> request,
                                        @RequestBody(description = "{\"chunks\": [{\"id\": uuid, \"data\": {\"inputs\": [[header...], [row...], ...],"
                                                + " \"parameters\": {...}}, \"summary\": {...}}]} as JSON, or the same document as BSON")
                                        @Body byte[] body) {
        boolean bson = request.getContentType().map(t -> BSON.equals(t.getName())).orElse(false);
        List<ChunkInput> chunks = bson ? BsonChunkReader.read(body) : JsonChunkReader.read(body);
        SubmitChunksCommand command = valid(() -> new SubmitChunksCommand(caller, batchId(id), chunks));
        return BatchJson.PipelineStatusJson.of(submitChunks.submit(command));
    }

    @Operation(operationId = "getBatchPipelineStatus", summary = "The pipeline status of a batch")
    @ApiResponse(responseCode = "200", description = "Counters, buffers and workers")
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "batch_not_found: no such batch visible to the caller",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get(uri = "/{id}/status", produces = MediaType.APPLICATION_JSON)
    BatchJson.PipelineStatusJson status(@PathVariable String tenant, @PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return BatchJson.PipelineStatusJson.of(getPipelineStatus.status(new BatchQuery(caller, batchId(id))));
    }

    /** Takes up to {@code max} computed chunks out of the output buffer, as JSON or (when accepted) BSON. */
    @Operation(operationId = "fetchChunkResults", summary = "Take up to max (default 50, at most 100) computed chunks out of the output buffer")
    @ApiResponse(responseCode = "200", description = "Chunk results and the pipeline status, as JSON or BSON")
    @ApiResponse(responseCode = "400", description = "validation_error: max is not a number from 1 to 100",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "batch_not_found: no such batch visible to the caller",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get(uri = "/{id}/chunkresults", produces = {MediaType.APPLICATION_JSON, BSON})
    @Parameter(name = "max", in = ParameterIn.QUERY, description = "How many chunks at most, 1-100 (default 50); max_chunks is an alias",
            schema = @Schema(type = "integer"))
    HttpResponse<byte[]> chunkResults(@PathVariable String tenant, @PathVariable String id, @Parameter(hidden = true) Caller caller,
                                      @Parameter(hidden = true) HttpRequest<?> request) {
        String max = request.getParameters().get("max");
        int limit = limit(max != null ? max : request.getParameters().get("max_chunks"));
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        ChunkResultsView view = fetchChunkResults.fetch(valid(() -> new FetchChunkResultsQuery(caller, batchId(id), limit)));
        List<StoredResult> results = view.results();
        byte[] status = write(BatchJson.PipelineStatusJson.of(view.status()));
        if (accept != null && accept.contains(BSON)) {
            BsonDocument statusDocument = BsonDocument.parse(new String(status, StandardCharsets.UTF_8));
            return HttpResponse.ok(ChunkResultsWriter.bsonStored(results, statusDocument)).contentType(BSON);
        }
        return HttpResponse.ok(ChunkResultsWriter.jsonStored(results, status)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** {@code {"batch_status":"closed"}} stops intake; {@code "cancelled"} stops at once and discards both buffers. */
    @Operation(operationId = "changeBatchStatus", summary = "Close or cancel a batch")
    @ApiResponse(responseCode = "200", description = "The batch with its new status")
    @ApiResponse(responseCode = "400", description = "validation_error: the request is malformed; detail says what and where",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "batch_not_found: no such batch visible to the caller",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "illegal_status_transition: the batch cannot move to that status",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Patch(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    BatchJson.BatchEnvelope change(@PathVariable String tenant, @PathVariable String id, @Parameter(hidden = true) Caller caller,
                                   @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                           schema = @Schema(implementation = ChangeBatchStatusRequest.class)))
                                   @Body byte[] body) {
        ChangeBatchStatusRequest request = read(body, ChangeBatchStatusRequest.class);
        BatchStatus target = valid(() -> BatchStatus.fromWireName(request.batchStatus()));
        ChangeBatchStatusCommand command = new ChangeBatchStatusCommand(caller, batchId(id));
        BatchSnapshot changed = switch (target) {
            case CLOSED -> closeBatch.close(command);
            case CANCELLED -> cancelBatch.cancel(command);
            default -> throw new InvalidBatchRequestException("batch_status can be set to closed or cancelled only, not "
                    + target.wireName(), null);
        };
        return BatchJson.envelope(changed, BatchJson.Detail.BRIEF, clock.now());
    }

    @Operation(operationId = "getBatch", summary = "A batch with its configuration and summary")
    @ApiResponse(responseCode = "200", description = "The batch")
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "batch_not_found: no such batch visible to the caller",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    BatchJson.BatchEnvelope get(@PathVariable String tenant, @PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return BatchJson.envelope(getBatch.get(new BatchQuery(caller, batchId(id))), BatchJson.Detail.FULL, clock.now());
    }

    /** The tenant view: batches in progress and recently ended, with the tenant's buffers and workers. */
    @Operation(operationId = "getTenantBatchStatus", summary = "Batches in progress and recently ended, with the tenant's buffers and workers")
    @ApiResponse(responseCode = "200", description = "The tenant view")
    @ApiResponse(responseCode = "401", description = "unauthorized: no or invalid credentials",
            content = @Content(mediaType = ProblemDocument.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @Get(uri = "/status", produces = MediaType.APPLICATION_JSON)
    BatchJson.TenantStatus tenantStatus(@PathVariable String tenant, @Parameter(hidden = true) Caller caller) {
        TenantBatchStatusView view = getTenantBatchStatus.status(caller);
        var now = clock.now();
        return new BatchJson.TenantStatus(
                view.inProgress().stream().map(s -> BatchJson.envelope(s, BatchJson.Detail.TENANT_VIEW, now)).toList(),
                view.recent().stream().map(s -> BatchJson.envelope(s, BatchJson.Detail.TENANT_VIEW, now)).toList(),
                new BatchJson.Tenant(new BatchJson.TenantConfiguration(view.inputBufferAllocatedBytes(),
                        view.outputBufferAllocatedBytes(), view.maxWorkers(), view.tenantBufferBytes(),
                        view.tenantBufferReservedBytes()),
                        new BatchJson.TenantBuffers(view.inputBufferUsedBytes(),
                                view.inputBufferAllocatedBytes() - view.inputBufferUsedBytes(), view.outputBufferUsedBytes(),
                                view.outputBufferAllocatedBytes() - view.outputBufferUsedBytes(), view.workersInUse())));
    }

    private static int limit(String max) {
        if (max == null || max.isBlank()) {
            return FetchChunkResultsQuery.DEFAULT;
        }
        try {
            return Integer.parseInt(max.trim());
        } catch (NumberFormatException e) {
            throw new InvalidBatchRequestException("max must be a whole number between 1 and "
                    + FetchChunkResultsQuery.MAX + ", was '" + max + "'", e);
        }
    }

    private static BatchId batchId(String id) {
        try {
            return BatchId.of(id);
        } catch (IllegalArgumentException e) {
            throw new io.sluice.application.batch.BatchNotFoundException(id);
        }
    }

    private <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new InvalidBatchRequestException("the request body must be a JSON object", null);
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new InvalidBatchRequestException("the request body must be a JSON object", null);
            }
            return value;
        } catch (IOException e) {
            throw new InvalidBatchRequestException("malformed request body: " + e.getMessage(), e);
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a step whose {@link IllegalArgumentException} means the client sent something out of range. */
    private static <T> T valid(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidBatchRequestException(e.getMessage(), e);
        }
    }
}
