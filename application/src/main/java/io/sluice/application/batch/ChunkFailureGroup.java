package io.sluice.application.batch;

/**
 * Chunks that failed for one reason: for good ({@code finalFailure}, every record came back with
 * the error) or on an attempt that was then retried.
 */
public record ChunkFailureGroup(String reason, boolean finalFailure, long chunks, long records) {
}
