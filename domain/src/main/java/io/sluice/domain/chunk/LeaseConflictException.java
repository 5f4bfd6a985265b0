package io.sluice.domain.chunk;

/**
 * A lease-bound step was asked by a node that does not hold the chunk's lease, or a lease was to be
 * expired before its time. Under several nodes this is a lost race, not a fault: the chunk is
 * someone else's now.
 */
public final class LeaseConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ChunkId chunk;

    public LeaseConflictException(ChunkId chunk, String message) {
        super("chunk " + chunk + ": " + message);
        this.chunk = chunk;
    }

    public ChunkId chunk() {
        return chunk;
    }
}
