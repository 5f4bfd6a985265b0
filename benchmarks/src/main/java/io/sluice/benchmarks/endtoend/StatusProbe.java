package io.sluice.benchmarks.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.client.PipelineStatus;
import io.sluice.client.SluiceClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Watches the batch a run creates the way a dashboard would: finds it in {@code GET /batch/status}
 * and then asks {@code GET /batch/{id}/status} every {@code intervalMillis}, timing each answer
 * and noting how many records were done when.
 */
final class StatusProbe implements Runnable {

    /** Records completed {@code seconds} after the probe started. */
    record Sample(double seconds, long recordsCompleted) {
    }

    private final SluiceClient client;
    private final Set<String> known;
    private final long intervalMillis;
    private final Histogram latencyMicros = new Histogram(1, TimeUnit.MINUTES.toMicros(1), 3);
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean stopped;
    private volatile String batchId;

    /** {@code known}: ids of batches that existed before the run, which the probe ignores. */
    StatusProbe(SluiceClient client, Set<String> known, long intervalMillis) {
        this.client = client;
        this.known = new HashSet<>(known);
        this.intervalMillis = intervalMillis;
    }

    static Set<String> batchIds(SluiceClient client) throws Exception {
        Set<String> ids = new HashSet<>();
        JsonNode view = client.tenantBatches();
        for (String list : new String[] {"in_progress_batches", "recent_batches"}) {
            view.path(list).forEach(batch -> ids.add(batch.path("id").asText()));
        }
        return ids;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        try {
            while (!stopped && batchId == null) {
                batchIds(client).stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> batchId = id);
                Thread.sleep(intervalMillis);
            }
            while (!stopped) {
                long asked = System.nanoTime();
                PipelineStatus status = client.status(batchId);
                long answered = System.nanoTime();
                synchronized (this) {
                    latencyMicros.recordValue(Math.min(latencyMicros.getHighestTrackableValue(),
                            Math.max(1, TimeUnit.NANOSECONDS.toMicros(answered - asked))));
                    samples.add(new Sample((answered - start) / 1e9, status.recordsCompleted()));
                }
                if (status.isFinal()) {
                    return;
                }
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the status probe failed", e);
        }
    }

    void stop() {
        stopped = true;
    }

    /** Every answer's time so far, in microseconds: a copy, for pooling the calls of several runs. */
    synchronized Histogram latencyMicros() {
        return latencyMicros.copy();
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }
}
