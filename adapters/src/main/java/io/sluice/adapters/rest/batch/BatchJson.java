package io.sluice.adapters.rest.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.sluice.application.batch.BatchSnapshot;
import io.sluice.application.batch.PipelineStatusView;
import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchConfiguration;
import io.sluice.domain.batch.BatchCounters;
import io.sluice.domain.batch.PipelineStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The JSON shapes of the Batch API v4, field for field as the reference shows them. */
final class BatchJson {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private BatchJson() {
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    /** {@code POST /batch}, {@code PATCH} and {@code GET /batch/{id}}: {@code {"object":"batch","id",data}}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record BatchEnvelope(String object, String id, BatchData data) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BatchData(String serviceId, String versionId, String compilerVersion, String correlationId,
                     String sourceSystem, String uniqueRecordKey, String callPurpose,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<String> output,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String pipelineStatus,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Summary summary,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Configuration configuration,
                     String responseTimestamp, String batchStatus, String createdBy, String createdTimestamp,
                     String updatedTimestamp, String serviceUri) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Summary(long chunksSubmitted, long chunksRetried, long chunksCompleted, long chunksFailed, long recordsRetried,
                   long inputSizeBytes, long outputSizeBytes, long avgComputeTimeMs, long recordsSubmitted,
                   long recordsFailed, long recordsCompleted, long computeTimeMs, double batchTimeMs) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Configuration(int initialWorkers, int chunksPerRequest, int runnerThreadCount, int acceptableErrorPercentage,
                         long inputBufferAllocatedBytes, long outputBufferAllocatedBytes, int maxWorkers) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record PipelineStatusJson(String responseTimestamp, String requestTimestamp, String batchStatus,
                              String pipelineStatus, long chunksAvailable, long chunksSubmitted, long recordSubmitted,
                              long chunksCompleted, long recordsCompleted, long computeTimeMs,
                              long inputBufferUsedBytes, long inputBufferRemainingBytes, long outputBufferUsedBytes,
                              long outputBufferRemainingBytes, long workersInUse, long recordsAvailable) {

        static PipelineStatusJson of(PipelineStatusView v) {
            return new PipelineStatusJson(timestamp(v.responseTimestamp()), timestamp(v.requestTimestamp()),
                    v.batchStatus(), v.pipelineStatus(), v.chunksAvailable(), v.chunksSubmitted(), v.recordsSubmitted(),
                    v.chunksCompleted(), v.recordsCompleted(), v.computeTimeMs(), v.inputBufferUsedBytes(),
                    v.inputBufferRemainingBytes(), v.outputBufferUsedBytes(), v.outputBufferRemainingBytes(),
                    v.workersInUse(), v.recordsAvailable());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record TenantStatus(List<BatchEnvelope> inProgressBatches, List<BatchEnvelope> recentBatches, Tenant tenant) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Tenant(TenantConfiguration configuration, TenantBuffers status) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record TenantConfiguration(long inputBufferAllocatedBytes, long outputBufferAllocatedBytes, int maxWorkers,
                               long bufferPoolBytes, long bufferPoolReservedBytes) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record TenantBuffers(long inputBufferUsedBytes, long inputBufferRemainingBytes, long outputBufferUsedBytes,
                         long outputBufferRemainingBytes, long workersInUse) {
    }

    enum Detail { BRIEF, FULL, TENANT_VIEW }

    static BatchEnvelope envelope(BatchSnapshot s, Detail detail, Instant now) {
        Batch b = s.batch();
        BatchConfiguration c = b.configuration();
        var t = b.timestamps();
        Summary summary = detail == Detail.BRIEF ? null : summary(s, now);
        Configuration configuration = detail == Detail.FULL ? new Configuration(c.initialWorkers(), c.chunksPerThread(),
                c.runnerThreadCount(), c.acceptableErrorPercentage(), c.inputBufferBytes(), c.outputBufferBytes(),
                c.maxWorkers()) : null;
        String pipeline = detail == Detail.TENANT_VIEW ? PipelineStatus.of(b, 1).wireName() : null;
        List<String> output = c.outputSelection().keepsAll() ? null : c.outputSelection().entries();
        return new BatchEnvelope("batch", b.id().value().toString(), new BatchData(b.service().serviceId().toString(),
                b.service().versionId().toString(), b.service().compilerVersion(), c.correlationId(), c.sourceSystem(),
                c.uniqueRecordKey(), c.callPurpose(), output, pipeline, summary, configuration, timestamp(now),
                b.status().wireName(), b.owner(), timestamp(t.created()), timestamp(t.updated()), b.service().serviceUri()));
    }

    private static Summary summary(BatchSnapshot s, Instant now) {
        BatchCounters k = s.batch().counters();
        long computed = k.chunksCompleted() + k.chunksFailed();
        Instant end = s.batch().timestamps().finished() == null ? now : s.batch().timestamps().finished();
        double batchMillis = Duration.between(s.batch().timestamps().created(), end).toNanos() / 1_000_000.0;
        return new Summary(k.chunksSubmitted(), k.chunksRetried(), k.chunksCompleted(), k.chunksFailed(), k.recordsRetried(),
                s.inputSizeBytes(), s.outputSizeBytes(), computed == 0 ? 0 : k.computeTimeMillis() / computed,
                k.recordsSubmitted(), k.recordsFailed(), k.recordsCompleted(), k.computeTimeMillis(), batchMillis);
    }
}
