package io.sluice.client.batch;

/**
 * How large a chunk may grow: a chunk closes at {@code records} records, or sooner, after the record
 * that brings its body to {@code bytes} (so a chunk always holds at least one record). The record
 * count sets the pace for narrow records; the byte bound keeps wide records from filling the
 * server's input buffer with a few chunks.
 *
 * @param records records per chunk, at most
 * @param bytes   body size in bytes after which a chunk takes no further record
 */
public record ChunkLimits(int records, int bytes) {

    /** 10,000 records or 1 MiB, whichever comes first. */
    public static final ChunkLimits DEFAULT = new ChunkLimits(10_000, 1 << 20);

    public ChunkLimits {
        if (records < 1) {
            throw new IllegalArgumentException("the chunk size must be at least 1 record, was " + records);
        }
        if (bytes < 1) {
            throw new IllegalArgumentException("the chunk byte limit must be at least 1, was " + bytes);
        }
    }

    /** At most {@code records} records, and the default byte limit. */
    public static ChunkLimits ofRecords(int records) {
        return new ChunkLimits(records, DEFAULT.bytes());
    }
}
