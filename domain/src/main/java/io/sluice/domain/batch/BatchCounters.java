package io.sluice.domain.batch;

/**
 * What has happened to a batch's chunks and records so far. Each method returns new counters; an
 * adapter that shares a batch between nodes may apply the same deltas as atomic SQL increments.
 *
 * <p>Invariants: every counter is at least 0; chunks computed (completed + failed) never exceed
 * chunks submitted; chunks fetched never exceed chunks computed. A retried chunk is counted once in
 * {@code chunksRetried} per retry and stays submitted; its records count in {@code recordsRetried}.
 * {@code recordsFailed} counts the records of failed chunks plus the records that came back with
 * an error from a completed chunk.
 */
public record BatchCounters(long chunksSubmitted, long chunksCompleted, long chunksFailed, long chunksRetried,
                            long chunksFetched, long recordsSubmitted, long recordsCompleted, long recordsFailed,
                            long recordsRetried, long computeTimeMillis) {

    public static final BatchCounters ZERO = new BatchCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public BatchCounters {
        long[] all = {chunksSubmitted, chunksCompleted, chunksFailed, chunksRetried, chunksFetched,
            recordsSubmitted, recordsCompleted, recordsFailed, recordsRetried, computeTimeMillis};
        for (long value : all) {
            if (value < 0) {
                throw new IllegalArgumentException("batch counters must not be negative");
            }
        }
        if (chunksCompleted + chunksFailed > chunksSubmitted) {
            throw new IllegalArgumentException("more chunks computed (" + (chunksCompleted + chunksFailed)
                    + ") than submitted (" + chunksSubmitted + ")");
        }
        if (chunksFetched > chunksCompleted + chunksFailed) {
            throw new IllegalArgumentException("more chunks fetched (" + chunksFetched + ") than computed ("
                    + (chunksCompleted + chunksFailed) + ")");
        }
    }

    public BatchCounters submitted(long chunks, long records) {
        return new BatchCounters(chunksSubmitted + chunks, chunksCompleted, chunksFailed, chunksRetried, chunksFetched,
                recordsSubmitted + records, recordsCompleted, recordsFailed, recordsRetried, computeTimeMillis);
    }

    /** One chunk computed; {@code recordsWithErrors} of its {@code records} came back with an error. */
    public BatchCounters chunkCompleted(long records, long recordsWithErrors, long computeMillis) {
        return new BatchCounters(chunksSubmitted, chunksCompleted + 1, chunksFailed, chunksRetried, chunksFetched,
                recordsSubmitted, recordsCompleted + records, recordsFailed + recordsWithErrors, recordsRetried,
                computeTimeMillis + computeMillis);
    }

    /** One chunk failed for good after its last attempt; every record of it failed. */
    public BatchCounters chunkFailed(long records, long computeMillis) {
        return new BatchCounters(chunksSubmitted, chunksCompleted, chunksFailed + 1, chunksRetried, chunksFetched,
                recordsSubmitted, recordsCompleted, recordsFailed + records, recordsRetried,
                computeTimeMillis + computeMillis);
    }

    /** One chunk goes back to the queue for another attempt. */
    public BatchCounters chunkRetried(long records) {
        return new BatchCounters(chunksSubmitted, chunksCompleted, chunksFailed, chunksRetried + 1, chunksFetched,
                recordsSubmitted, recordsCompleted, recordsFailed, recordsRetried + records, computeTimeMillis);
    }

    public BatchCounters fetched(long chunks) {
        return new BatchCounters(chunksSubmitted, chunksCompleted, chunksFailed, chunksRetried, chunksFetched + chunks,
                recordsSubmitted, recordsCompleted, recordsFailed, recordsRetried, computeTimeMillis);
    }

    /** Completed or failed: a result exists. */
    public long chunksComputed() {
        return chunksCompleted + chunksFailed;
    }

    /** Accepted but not computed yet: queued or being computed. */
    public long chunksInFlight() {
        return chunksSubmitted - chunksComputed();
    }

    /** Computed and waiting in the output buffer ({@code chunks_available}). */
    public long chunksAvailable() {
        return chunksComputed() - chunksFetched;
    }

    public boolean allComputed() {
        return chunksInFlight() == 0;
    }

    public boolean allComputedAndFetched() {
        return allComputed() && chunksAvailable() == 0;
    }

    /** More than {@code percentage} percent of the accepted chunks failed (never true without chunks). */
    public boolean failedMoreThan(int percentage) {
        return chunksFailed * 100 > (long) percentage * chunksSubmitted;
    }
}
