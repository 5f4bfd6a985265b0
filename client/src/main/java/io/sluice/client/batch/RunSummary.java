package io.sluice.client.batch;

import java.time.Duration;

/** What a run did: records written, records with an error, chunks, wall time, final status. */
public record RunSummary(String batchId, String batchStatus, long records, long failures, long chunks,
                         long spilledChunks, Duration wallTime) {

    /** Records per second of wall time. */
    public double recordsPerSecond() {
        double seconds = wallTime.toNanos() / 1e9;
        return seconds <= 0 ? 0 : records / seconds;
    }
}
