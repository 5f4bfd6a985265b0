package io.sluice.client.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.client.BatchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How one file goes through a batch.
 *
 * @param request             the batch to create (service, outputs kept, record key)
 * @param chunkLimits         how large a chunk may grow, in records and in bytes
 * @param parameters          values applied to every record ({@code data.parameters})
 * @param submitThreads       chunk posts running at the same time
 * @param inFlightChunks      chunks posted whose results have not come back yet, at most; the
 *                            reader waits while the window is full (back-pressure)
 * @param reorderMemoryChunks completed chunks held in memory while an earlier one is late; more
 *                            wait on disk in {@code spillDirectory} (null: the system temp dir)
 * @param ordered             results in input order (else as they arrive, with a record column)
 * @param pollInterval        longest pause between two result fetches that brought nothing
 */
public record RunSettings(BatchRequest request, ChunkLimits chunkLimits, ObjectNode parameters, int submitThreads,
                          int inFlightChunks, int reorderMemoryChunks, boolean ordered, Path spillDirectory,
                          Duration pollInterval) {

    public RunSettings {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(chunkLimits, "chunkLimits");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (submitThreads < 1) {
            throw new IllegalArgumentException("at least one submit thread is needed");
        }
        if (inFlightChunks < submitThreads) {
            throw new IllegalArgumentException("the in-flight window must hold at least one chunk per submit thread");
        }
        if (reorderMemoryChunks < 0) {
            throw new IllegalArgumentException("the reorder window must not be negative");
        }
    }

    /**
     * Defaults: chunks within {@link ChunkLimits#DEFAULT}, 4 submit threads, 16 chunks in flight, 64
     * chunks held for reordering.
     */
    public static RunSettings of(BatchRequest request, ObjectNode parameters, boolean ordered) {
        return new RunSettings(request, ChunkLimits.DEFAULT, parameters, 4, 16, 64, ordered, null, Duration.ofMillis(250));
    }
}
