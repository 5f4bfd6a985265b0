package io.sluice.application.batch;

import io.sluice.domain.chunk.ChunkId;
import io.sluice.domain.chunk.ChunkStatus;

import java.time.Instant;

/**
 * One chunk as a person looks at it: where it is, how often it was tried, its size and times.
 *
 * @param leaseUntil  while {@code processing}: when the worker's lease runs out; null otherwise
 * @param lastFailure the reason of the last failed attempt, null when none failed
 */
public record ChunkView(ChunkId id, long position, ChunkStatus status, int attempts, int records, long inputBytes,
                        long outputBytes, boolean fetched, Instant submitted, Instant leaseUntil, Instant finished,
                        String lastFailure) {
}
