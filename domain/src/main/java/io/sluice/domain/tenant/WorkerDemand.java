package io.sluice.domain.tenant;

import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchConfiguration;
import io.sluice.domain.batch.BatchId;

import java.util.Objects;

/**
 * What one batch asks of its tenant's worker pool.
 *
 * @param initialWorkers what the batch starts with, before the pool is shared out further
 * @param maxWorkers     never more than this
 * @param workersNeeded  workers it could keep busy right now (0 when nothing waits)
 */
public record WorkerDemand(BatchId batch, int initialWorkers, int maxWorkers, long workersNeeded) {

    public WorkerDemand {
        Objects.requireNonNull(batch, "batch");
        if (initialWorkers < 0 || maxWorkers < 0 || workersNeeded < 0) {
            throw new IllegalArgumentException("worker demands cannot be negative");
        }
    }

    /**
     * A batch's demand: one worker computes {@code runner_thread_count * chunks_per_thread} chunks
     * at a time, so it needs enough workers for the chunks that are queued or being computed.
     */
    public static WorkerDemand of(Batch batch) {
        BatchConfiguration configuration = batch.configuration();
        long chunksPerWorker = (long) configuration.runnerThreadCount() * configuration.chunksPerThread();
        long waiting = batch.status().isFinal() ? 0 : batch.counters().chunksInFlight();
        long needed = (waiting + chunksPerWorker - 1) / chunksPerWorker;
        return new WorkerDemand(batch.id(), configuration.initialWorkers(), configuration.maxWorkers(), needed);
    }

    /** The most this batch can use now. */
    int cap() {
        return (int) Math.min(maxWorkers, workersNeeded);
    }
}
