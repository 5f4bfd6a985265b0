package io.sluice.application.batch;

import io.sluice.domain.batch.PipelineStatus;

import java.time.Instant;

/** The pipeline status of one batch as {@code GET /batch/{id}/status} shows it. */
public record PipelineStatusView(Instant requestTimestamp, Instant responseTimestamp, String batchStatus,
                                 String pipelineStatus, long chunksAvailable, long chunksSubmitted, long recordsSubmitted,
                                 long chunksCompleted, long recordsCompleted, long computeTimeMs,
                                 long inputBufferUsedBytes, long inputBufferRemainingBytes, long outputBufferUsedBytes,
                                 long outputBufferRemainingBytes, long workersInUse, long recordsAvailable) {

    public static PipelineStatusView of(BatchSnapshot s, Instant requested, Instant now) {
        var counters = s.batch().counters();
        return new PipelineStatusView(requested, now, s.batch().status().wireName(),
                PipelineStatus.of(s.batch(), 1).wireName(), counters.chunksAvailable(),
                counters.chunksSubmitted(), counters.recordsSubmitted(), counters.chunksCompleted(),
                counters.recordsCompleted(), counters.computeTimeMillis(), s.input().usedBytes(),
                s.input().remainingBytes(), s.output().usedBytes(), s.output().remainingBytes(), s.workersInUse(),
                s.recordsAvailable());
    }
}
