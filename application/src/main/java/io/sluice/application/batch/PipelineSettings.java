package io.sluice.application.batch;

import java.time.Duration;

/**
 * How this node runs the pipeline and how tenants are sized.
 *
 * @param workerThreads        threads computing chunks on this node
 * @param lease                how long a claim holds a chunk before another node may take it back
 * @param chunkTimeLimit       an attempt that takes longer is abandoned and retried
 * @param maxAttempts          attempts a chunk gets before it fails for good
 * @param tenantBufferBytes    every tenant's total buffer allocation (input plus output, all batches)
 * @param tenantMaxWorkers     every tenant's worker pool
 * @param inactivityTimeout    a batch without chunk posts or fetches for this long is closed by timeout
 * @param bufferReleaseDelay   a finished batch gives its buffers back to the tenant after this
 * @param retention            finished batches' metadata is deleted after this
 * @param recentWindow         how far back the tenant view lists finished batches
 */
public record PipelineSettings(int workerThreads, Duration lease, Duration chunkTimeLimit, int maxAttempts,
                               long tenantBufferBytes, int tenantMaxWorkers, Duration inactivityTimeout,
                               Duration bufferReleaseDelay, Duration retention, Duration recentWindow) {

    /** The share of a batch's buffers a tenant must have free to admit it, in percent. */
    public static final int ADMISSION_HEADROOM_PERCENT = 110;

    public PipelineSettings {
        if (workerThreads < 1 || maxAttempts < 1 || tenantBufferBytes < 1 || tenantMaxWorkers < 1) {
            throw new IllegalArgumentException("worker threads, attempts, tenant buffer and tenant workers must be positive");
        }
        if (chunkTimeLimit.compareTo(lease) > 0) {
            throw new IllegalArgumentException("the chunk time limit must not exceed the lease");
        }
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(2),
                Duration.ofMinutes(1), 3, 10_000_000_000L, 3000, Duration.ofMinutes(30), Duration.ofMinutes(2),
                Duration.ofDays(7), Duration.ofHours(1));
    }
}
