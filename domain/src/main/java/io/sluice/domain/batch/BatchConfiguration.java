package io.sluice.domain.batch;

import io.sluice.domain.record.OutputSelection;

import java.util.Objects;

/**
 * The settings a batch runs with, fixed at creation. Built from a client's request with
 * {@link #from(Requested)} (defaults filled in, limits checked) or restored from storage with the
 * canonical constructor, which checks the same invariants.
 *
 * <p>Invariants: {@code 1 <= initialWorkers <= maxWorkers <= MAX_WORKERS_LIMIT}; thread count and
 * chunks per thread at least 1; both buffers between 1 byte and {@link #MAX_BUFFER_MB} MB;
 * {@code acceptableErrorPercentage} in 0..100. One MB is 1,000,000 bytes, as in the reference API
 * ({@code 70} MB shows as {@code 70000000} bytes).
 */
public record BatchConfiguration(int initialWorkers, int maxWorkers, int runnerThreadCount, int chunksPerThread,
                                 long inputBufferBytes, long outputBufferBytes, int acceptableErrorPercentage,
                                 OutputSelection outputSelection, String uniqueRecordKey, String callPurpose,
                                 String sourceSystem, String correlationId) {

    public static final int DEFAULT_INITIAL_WORKERS = 10;
    public static final int DEFAULT_MAX_WORKERS = 3000;
    public static final int MAX_WORKERS_LIMIT = 3000;
    public static final int DEFAULT_RUNNER_THREAD_COUNT = 1;
    public static final int MAX_RUNNER_THREAD_COUNT = 64;
    public static final int DEFAULT_CHUNKS_PER_THREAD = 1;
    public static final int MAX_CHUNKS_PER_THREAD = 100;
    public static final double DEFAULT_INPUT_MB = 70;
    public static final double DEFAULT_OUTPUT_MB = 80;
    public static final double MAX_BUFFER_MB = 1000;
    public static final long BYTES_PER_MB = 1_000_000L;

    public BatchConfiguration {
        between("max_workers", maxWorkers, 1, MAX_WORKERS_LIMIT);
        between("initial_workers", initialWorkers, 1, maxWorkers);
        between("runner_thread_count", runnerThreadCount, 1, MAX_RUNNER_THREAD_COUNT);
        between("chunks_per_thread", chunksPerThread, 1, MAX_CHUNKS_PER_THREAD);
        between("input buffer bytes", inputBufferBytes, 1, (long) (MAX_BUFFER_MB * BYTES_PER_MB));
        between("output buffer bytes", outputBufferBytes, 1, (long) (MAX_BUFFER_MB * BYTES_PER_MB));
        between("acceptable_error_percentage", acceptableErrorPercentage, 0, 100);
        Objects.requireNonNull(outputSelection, "output selection");
        if (uniqueRecordKey != null && uniqueRecordKey.isBlank()) {
            throw new IllegalArgumentException("unique_record_key must not be blank when given");
        }
    }

    /**
     * What a client asked for; every field may be null, meaning "the default".
     */
    public record Requested(Integer initialWorkers, Integer maxWorkers, Integer runnerThreadCount,
                            Integer chunksPerThread, Double maxInputInMb, Double maxOutputInMb,
                            Integer acceptableErrorPercentage, OutputSelection outputSelection,
                            String uniqueRecordKey, String callPurpose, String sourceSystem,
                            String correlationId) {

        /** Nothing asked for: every default. */
        public static Requested defaults() {
            return new Requested(null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * Fills in defaults and checks limits. When {@code max_workers} is below the default initial
     * worker count and {@code initial_workers} was not given, the batch starts with all its workers.
     *
     * @throws IllegalArgumentException naming the setting and its allowed range
     */
    public static BatchConfiguration from(Requested requested) {
        int maxWorkers = orDefault(requested.maxWorkers(), DEFAULT_MAX_WORKERS);
        int initialWorkers = requested.initialWorkers() != null
                ? requested.initialWorkers() : Math.min(DEFAULT_INITIAL_WORKERS, Math.max(1, maxWorkers));
        return new BatchConfiguration(initialWorkers, maxWorkers,
                orDefault(requested.runnerThreadCount(), DEFAULT_RUNNER_THREAD_COUNT),
                orDefault(requested.chunksPerThread(), DEFAULT_CHUNKS_PER_THREAD),
                bytes("max_input_in_mb", requested.maxInputInMb(), DEFAULT_INPUT_MB),
                bytes("max_output_in_mb", requested.maxOutputInMb(), DEFAULT_OUTPUT_MB),
                orDefault(requested.acceptableErrorPercentage(), 0),
                requested.outputSelection() == null ? OutputSelection.all() : requested.outputSelection(),
                requested.uniqueRecordKey(), requested.callPurpose(), requested.sourceSystem(),
                requested.correlationId());
    }

    /** Input plus output buffer: what the batch takes from its tenant's buffer pool while it runs. */
    public long totalBufferBytes() {
        return inputBufferBytes + outputBufferBytes;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static long bytes(String name, Double megabytes, double fallback) {
        double mb = megabytes == null ? fallback : megabytes;
        if (!(mb > 0 && mb <= MAX_BUFFER_MB)) {
            throw new IllegalArgumentException(name + " must be more than 0 and at most " + (long) MAX_BUFFER_MB
                    + ", was " + megabytes);
        }
        return Math.max(1L, Math.round(mb * BYTES_PER_MB));
    }

    private static void between(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
