package io.sluice.application.chunk;

/**
 * What a worker stores for a chunk it computed: the encoded result, its record count and how many
 * records carry errors, the time it took, and whether the chunk failed for good (then
 * {@code failure} says why and every record carries that error).
 */
public record ChunkOutcome(byte[] result, int records, int recordsWithErrors, long computeMillis, boolean failed,
                           String failure) {

    public static ChunkOutcome completed(byte[] result, int records, int recordsWithErrors, long computeMillis) {
        return new ChunkOutcome(result, records, recordsWithErrors, computeMillis, false, null);
    }

    public static ChunkOutcome failed(byte[] result, int records, long computeMillis, String failure) {
        return new ChunkOutcome(result, records, records, computeMillis, true, failure);
    }
}
