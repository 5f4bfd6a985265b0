package io.sluice.adapters.pipeline;

import io.sluice.application.batch.PipelineWorkers;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what the workers do; exported as metrics when a registry is present. */
@Singleton
class PipelineMetrics {

    final AtomicLong chunks = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    final AtomicLong failedChunks = new AtomicLong();
    final AtomicLong retriedChunks = new AtomicLong();
    final AtomicLong nanos = new AtomicLong();
    private volatile PipelineWorkers workers;

    void chunkDone(PipelineWorkers.ChunkDone done) {
        if (done.stored()) {
            chunks.incrementAndGet();
            records.addAndGet(done.records());
            nanos.addAndGet(done.nanos());
        }
        if (done.failed()) {
            failedChunks.incrementAndGet();
        }
        if (done.retried()) {
            retriedChunks.incrementAndGet();
        }
    }

    void watch(PipelineWorkers workers) {
        this.workers = workers;
    }

    int busyWorkers() {
        PipelineWorkers w = workers;
        return w == null ? 0 : w.busy();
    }
}
