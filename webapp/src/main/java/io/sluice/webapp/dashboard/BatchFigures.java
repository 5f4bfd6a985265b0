package io.sluice.webapp.dashboard;

import io.sluice.application.batch.BatchSnapshot;
import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchCounters;
import io.sluice.domain.batch.BatchStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * A batch as the dashboard shows it, with what people want derived from the counters: progress,
 * throughput since the first chunk, estimated time left and buffer use.
 *
 * @param progressPercent records done of records submitted, 0..100 (100 once completed)
 * @param recordsPerSecond records done per second since the batch started (to its end when it ended)
 * @param eta              the time left at that rate; null when it ended, nothing is done yet or nothing is left
 */
public record BatchFigures(Batch batch, String id, String status, String statusClass, long recordsSubmitted,
                           long recordsDone, long recordsWithErrors, long chunksSubmitted, long chunksDone,
                           long chunksRetried, long chunksFetched, int progressPercent, double recordsPerSecond,
                           Duration elapsed, Duration eta, long inputUsedBytes, long inputAllocatedBytes,
                           long outputUsedBytes, long outputAllocatedBytes, long recordsAvailable, int workersInUse) {

    public static BatchFigures of(BatchSnapshot snapshot, Instant now) {
        Batch b = snapshot.batch();
        BatchCounters c = b.counters();
        boolean ended = b.status().isFinal();
        Instant started = b.timestamps().started();
        Instant until = ended && b.timestamps().finished() != null ? b.timestamps().finished() : now;
        Duration elapsed = started == null ? null : Duration.between(started, until);
        double seconds = elapsed == null ? 0 : elapsed.toMillis() / 1000.0;
        double rate = seconds > 0 ? c.recordsCompleted() / seconds : 0;
        long left = Math.max(0, c.recordsSubmitted() - c.recordsCompleted());
        Duration eta = ended || rate <= 0 || left == 0 ? null : Duration.ofMillis((long) (left / rate * 1000));
        int percent = b.status() == BatchStatus.COMPLETED ? 100 : c.recordsSubmitted() == 0 ? 0
                : (int) Math.min(100, c.recordsCompleted() * 100 / c.recordsSubmitted());
        return new BatchFigures(b, b.id().value().toString(), b.status().wireName(), b.status().name(),
                c.recordsSubmitted(), c.recordsCompleted(), c.recordsFailed(), c.chunksSubmitted(), c.chunksComputed(),
                c.chunksRetried(), c.chunksFetched(), percent, rate, elapsed, eta, snapshot.input().usedBytes(),
                snapshot.input().allocatedBytes(), snapshot.output().usedBytes(), snapshot.output().allocatedBytes(),
                snapshot.recordsAvailable(), snapshot.workersInUse());
    }

    public boolean isEnded() {
        return batch.status().isFinal();
    }

    /** Close is offered while the batch still takes chunks (or waits to). */
    public boolean canClose() {
        return batch.status() == BatchStatus.CREATED || batch.status() == BatchStatus.PENDING
                || batch.status() == BatchStatus.IN_PROGRESS;
    }

    public boolean canCancel() {
        return !batch.status().isFinal();
    }
}
