package io.sluice.client.batch;

import io.sluice.client.ChunkResult;
import io.sluice.client.ChunkResults;
import io.sluice.client.PipelineStatus;
import io.sluice.client.SluiceClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-flight window and the result side of a run: a chunk takes a window slot before it is
 * posted and gives it back when its result is fetched, so at most {@code inFlightChunks} chunks
 * are between the reader and the writer. Fetches results until every posted chunk is back: at
 * once while fetches bring results, then after pauses that double up to {@code pollInterval}
 * while they bring none, cut short when a chunk post's answer says results are waiting.
 */
final class ResultCollector {

    /** The first pause after a fetch that brought nothing, doubled while they bring nothing. */
    private static final long FIRST_PAUSE_MILLIS = 10;

    private record Pending(long sequence, long firstRecord, int size, RecordKeys keys) {
    }

    private final SluiceClient client;
    private final String batchId;
    private final Semaphore window;
    private final ReorderBuffer reorder;
    private final ProgressListener progress;
    private final Duration pollInterval;
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Semaphore resultsWaiting = new Semaphore(0);
    private volatile boolean allPosted;

    ResultCollector(SluiceClient client, String batchId, int inFlightChunks, ReorderBuffer reorder,
                    ProgressListener progress, Duration pollInterval) {
        this.client = client;
        this.batchId = batchId;
        this.window = new Semaphore(inFlightChunks);
        this.reorder = reorder;
        this.progress = progress;
        this.pollInterval = pollInterval;
    }

    /** Waits for a window slot, then expects {@code chunk}'s result; false when the wait timed out. */
    boolean admit(PreparedChunk chunk, long timeoutMillis) throws InterruptedException {
        if (!window.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        pending.put(chunk.id(), new Pending(chunk.sequence(), chunk.firstRecord(), chunk.size(), chunk.keys()));
        return true;
    }

    /** A chunk post was answered with {@code status}: when it says results wait, fetch them now. */
    void posted(PipelineStatus status) {
        if (status != null && status.chunksAvailable() > 0 && resultsWaiting.availablePermits() == 0) {
            resultsWaiting.release();
        }
    }

    /** Every chunk is posted: the collector stops once their results are all back. */
    void allPosted() {
        allPosted = true;
    }

    long records() {
        return records.get();
    }

    long failures() {
        return failures.get();
    }

    /** Fetches until every posted chunk is back; {@code stop} aborts early. */
    void collect(java.util.function.BooleanSupplier stop) throws IOException, InterruptedException {
        long idle = FIRST_PAUSE_MILLIS;
        while (!(allPosted && pending.isEmpty()) && !stop.getAsBoolean()) {
            ChunkResults fetched = client.chunkResults(batchId, 100);
            for (ChunkResult result : fetched.data()) {
                accept(result);
            }
            if (!fetched.data().isEmpty()) {
                idle = FIRST_PAUSE_MILLIS;
                continue;
            }
            if (fetched.status() != null && fetched.status().isFinal() && !pending.isEmpty()) {
                throw new IOException("the batch ended as " + fetched.status().batchStatus() + " with "
                        + pending.size() + " chunks whose results never came back");
            }
            if (resultsWaiting.tryAcquire(idle, TimeUnit.MILLISECONDS)) {
                idle = FIRST_PAUSE_MILLIS;
            } else {
                idle = Math.min(pollInterval.toMillis(), idle * 2);
            }
        }
    }

    private void accept(ChunkResult result) throws IOException {
        Pending expected = pending.remove(result.id());
        if (expected == null) {
            return;
        }
        CompletedChunk chunk = ResultMatcher.match(expected.sequence(), expected.firstRecord(), expected.size(),
                expected.keys(), result);
        reorder.offer(chunk);
        window.release();
        long failed = failures.addAndGet(chunk.failures());
        progress.written(records.addAndGet(chunk.size()), failed);
    }
}
