package io.sluice.client.batch;

import io.sluice.client.Batch;
import io.sluice.client.PipelineStatus;
import io.sluice.client.SluiceClient;
import io.sluice.client.io.RecordSource;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams a record source through one batch: creates the batch, posts chunks from several
 * threads while the in-flight window has room, fetches results at the same time and hands them
 * to a sink in input order (or as they come), closes the batch and reports. A chunk keeps its id
 * across retries. Any failure, or {@link #cancel()}, cancels the batch on the server.
 */
public final class BatchRun {

    private final SluiceClient client;
    private final RunSettings settings;
    private final ProgressListener progress;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile String batchId;
    private volatile boolean cancelled;
    private volatile boolean finished;
    private final AtomicBoolean cancelSent = new AtomicBoolean();

    public BatchRun(SluiceClient client, RunSettings settings, ProgressListener progress) {
        this.client = client;
        this.settings = settings;
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** Runs to the end; every result is in {@code sink} when it returns. */
    public RunSummary run(RecordSource source, ReorderBuffer.Sink sink) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Chunker chunker = new Chunker(source, settings.chunkLimits(), settings.parameters(),
                settings.request().uniqueRecordKey());
        Batch batch = client.createBatch(settings.request());
        batchId = batch.id();
        progress.started(batchId, batch.serviceUri());
        try (ReorderBuffer reorder = new ReorderBuffer(sink, settings.reorderMemoryChunks(), settings.ordered(),
                settings.spillDirectory())) {
            ResultCollector collector = new ResultCollector(client, batchId, settings.inFlightChunks(), reorder,
                    progress, settings.pollInterval());
            Thread fetcher = daemon("sluice-results", () -> guard(() ->
                    collector.collect(() -> failure.get() != null || cancelled)));
            fetcher.start();
            long chunks = post(source, chunker, collector);
            if (failure.get() == null && !cancelled) {
                client.close(batchId);
            }
            fetcher.join();
            abortIfFailed();
            finished = true;
            PipelineStatus status = client.status(batchId);
            return new RunSummary(batchId, status.batchStatus(), collector.records(), collector.failures(), chunks,
                    reorder.spilledTotal(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure.compareAndSet(null, e);
            abortIfFailed();
            throw e;
        }
    }

    /** Stops the run and cancels its batch; safe to call from any thread, at any time. */
    public void cancel() {
        if (finished || cancelled) {
            return;
        }
        cancelled = true;
        cancelOnServer();
    }

    /** The batch's id once it is created. */
    public String batchId() {
        return batchId;
    }

    private long post(RecordSource source, Chunker chunker, ResultCollector collector)
            throws IOException, InterruptedException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService posters = Executors.newFixedThreadPool(settings.submitThreads(),
                task -> daemon("sluice-post-" + threads.incrementAndGet(), task));
        long chunks = 0;
        try {
            PreparedChunk chunk;
            while (!stopped() && (chunk = chunker.next()) != null) {
                while (!collector.admit(chunk, 200)) {
                    if (stopped()) {
                        return chunks;
                    }
                }
                PreparedChunk posting = chunk;
                posters.execute(() -> guard(() -> collector.posted(client.submitChunks(batchId, posting.document()))));
                chunks++;
                progress.read(chunker.records(), source.bytesRead());
            }
            progress.readingDone(chunker.records());
        } finally {
            posters.shutdown();
            posters.awaitTermination(1, TimeUnit.DAYS);
        }
        collector.allPosted();
        return chunks;
    }

    private boolean stopped() {
        return cancelled || failure.get() != null;
    }

    /**
     * A run that was cancelled or failed ends with its batch cancelled on the server, whenever the
     * cancel came (even while the batch was being created, before it had an id to cancel).
     */
    private void abortIfFailed() {
        Throwable cause = failure.get();
        if (!cancelled && cause == null) {
            return;
        }
        cancelOnServer();
        if (cancelled) {
            throw new RunFailedException("the run was cancelled; batch " + batchId + " is cancelled", cause);
        }
        throw new RunFailedException("the run failed: " + cause.getMessage() + "; batch " + batchId
                + " is cancelled", cause);
    }

    private void cancelOnServer() {
        String id = batchId;
        if (id == null || !cancelSent.compareAndSet(false, true)) {
            return;
        }
        try {
            client.cancel(id);
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private interface Step {
        void run() throws Exception;
    }

    private void guard(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }
}
