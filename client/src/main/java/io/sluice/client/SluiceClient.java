package io.sluice.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.client.RequestTimings.Call;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.net.ssl.SSLParameters;

/**
 * A small, thread-safe client for Sluice's Batch, Execute and Services APIs (v4).
 *
 * <p>Requests that may safely be repeated (reads, chunk posts whose ids make them idempotent,
 * close and cancel) are retried after 429, 5xx and network errors as {@link RetryPolicy} says;
 * requests that must not run twice (creating a batch, fetching results, which removes them
 * from the output buffer, publishing) are retried only when the server certainly did not
 * carry them out. A failure that is not retried surfaces as {@link SluiceApiException} (the
 * server's problem code included) or {@link IOException}.
 */
public final class SluiceClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final Connection connection;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final ObjectMapper json = Json.mapper();
    private final RequestTimings timings = new RequestTimings();

    public SluiceClient(Connection connection, RetryPolicy retry) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.retry = Objects.requireNonNull(retry, "retry");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                // the selector thread completes each exchange itself instead of handing every
                // response to a pool thread: calls are blocking and bodies are byte arrays, so
                // nothing it runs can wait (docs/cli.md)
                .executor(Runnable::run)
                .connectTimeout(Duration.ofSeconds(10));
        if ("http".equals(connection.baseUrl().getScheme())) {
            builder.sslContext(PlainHttp.NO_TLS).sslParameters(new SSLParameters());
        }
        this.http = builder.build();
    }

    public SluiceClient(Connection connection) {
        this(connection, RetryPolicy.standard());
    }

    public Connection connection() {
        return connection;
    }

    /** How long this client's exchanges with Sluice took, by kind of call. */
    public RequestTimings timings() {
        return timings;
    }

    /** {@code POST /batch}: creates a batch against a service. */
    public Batch createBatch(BatchRequest request) throws IOException, InterruptedException {
        byte[] body = json.writeValueAsBytes(request);
        return send(RetryPolicy.Scope.NOT_PROCESSED, Call.CREATE_BATCH, post("/batch", body), Batch.class);
    }

    /**
     * {@code POST /batch/{id}/chunks} with a ready body {@code {"chunks":[...]}}. The same bytes
     * are re-sent on every attempt, so the chunk ids in them never change.
     */
    public PipelineStatus submitChunks(String batchId, byte[] chunksDocument) throws IOException, InterruptedException {
        return send(RetryPolicy.Scope.ANY_TRANSIENT, Call.SUBMIT_CHUNKS, post("/batch/" + batchId + "/chunks", chunksDocument),
                PipelineStatus.class);
    }

    /** {@code GET /batch/{id}/status}. */
    public PipelineStatus status(String batchId) throws IOException, InterruptedException {
        return send(RetryPolicy.Scope.ANY_TRANSIENT, Call.STATUS, get("/batch/" + batchId + "/status"), PipelineStatus.class);
    }

    /** {@code GET /batch/{id}/chunkresults?max=N}: fetched chunks leave the output buffer. */
    public ChunkResults chunkResults(String batchId, int max) throws IOException, InterruptedException {
        if (max < 1 || max > 100) {
            throw new IllegalArgumentException("max must be between 1 and 100, was " + max);
        }
        return send(RetryPolicy.Scope.NOT_PROCESSED, Call.CHUNK_RESULTS,
                get("/batch/" + batchId + "/chunkresults?max=" + max), ChunkResults.class);
    }

    /** {@code PATCH /batch/{id}} with {@code {"batch_status":"closed"}}: no more chunks will come. */
    public Batch close(String batchId) throws IOException, InterruptedException {
        return patchStatus(batchId, "closed");
    }

    /** {@code PATCH /batch/{id}} with {@code {"batch_status":"cancelled"}}: stop and discard. */
    public Batch cancel(String batchId) throws IOException, InterruptedException {
        return patchStatus(batchId, "cancelled");
    }

    /** {@code GET /batch/{id}}: the batch with its summary counters and configuration. */
    public Batch batch(String batchId) throws IOException, InterruptedException {
        return send(RetryPolicy.Scope.ANY_TRANSIENT, Call.READ, get("/batch/" + batchId), Batch.class);
    }

    /** {@code GET /batch/status}: in-progress and recent batches of the tenant, with its usage. */
    public JsonNode tenantBatches() throws IOException, InterruptedException {
        return send(RetryPolicy.Scope.ANY_TRANSIENT, Call.READ, get("/batch/status"), JsonNode.class);
    }

    /** {@code POST /execute}: computes records synchronously; {@code request} is the whole body. */
    public JsonNode execute(ObjectNode request) throws IOException, InterruptedException {
        return send(RetryPolicy.Scope.NOT_PROCESSED, Call.EXECUTE, post("/execute", json.writeValueAsBytes(request)), JsonNode.class);
    }

    /** {@code GET /services}: the tenant's services. */
    public JsonNode services() throws IOException, InterruptedException {
        return send(RetryPolicy.Scope.ANY_TRANSIENT, Call.READ, get("/services"), JsonNode.class);
    }

    /** {@code POST /services} (multipart): publishes a workbook as {@code folder/name}. */
    public JsonNode publishService(Path workbook, String folder, String name) throws IOException, InterruptedException {
        Multipart form = new Multipart(UUID.randomUUID().toString())
                .field("folder", folder)
                .field("service", name)
                .file("file", workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        HttpRequest request = request("/services")
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                .build();
        return send(RetryPolicy.Scope.NOT_PROCESSED, Call.PUBLISH, request, JsonNode.class);
    }

    private Batch patchStatus(String batchId, String status) throws IOException, InterruptedException {
        byte[] body = json.writeValueAsBytes(Map.of("batch_status", status));
        HttpRequest request = request("/batch/" + batchId)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(RetryPolicy.Scope.ANY_TRANSIENT, Call.CHANGE_STATUS, request, Batch.class);
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest post(String path, byte[] body) {
        return request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private HttpRequest.Builder request(String path) {
        URI uri = connection.api(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        connection.credentials().authenticate(builder, connection.tenant());
        return builder;
    }

    private <T> T send(RetryPolicy.Scope scope, Call call, HttpRequest request, Class<T> type)
            throws IOException, InterruptedException {
        return retry.run(scope, () -> {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = exchange(request);
            timings.record(call, System.nanoTime() - start);
            if (response.statusCode() >= 400) {
                throw Problems.toException(response, json);
            }
            return decode(response.body(), type);
        });
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri(), e);
        }
    }

    private <T> T decode(byte[] body, Class<T> type) throws IOException {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IOException("Sluice answered with a body that is not the expected JSON: " + e.getOriginalMessage(), e);
        }
    }
}
