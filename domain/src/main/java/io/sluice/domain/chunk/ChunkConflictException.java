package io.sluice.domain.chunk;

/** A chunk id was posted again with different content; the first content stands. */
public final class ChunkConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ChunkId chunk;

    public ChunkConflictException(ChunkId chunk) {
        super("chunk " + chunk + " was already posted with different content");
        this.chunk = chunk;
    }

    public ChunkId chunk() {
        return chunk;
    }
}
