package io.sluice.domain.buffer;

/**
 * A reservation did not fit in what is left of a buffer; nothing was reserved. When
 * {@link #neverFits()} the request is larger than the whole buffer and retrying cannot help.
 */
public final class BufferFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long requestedBytes;
    private final long remainingBytes;
    private final long allocatedBytes;

    public BufferFullException(long requestedBytes, long remainingBytes, long allocatedBytes) {
        super(requestedBytes > allocatedBytes
                ? requestedBytes + " bytes exceed the whole buffer of " + allocatedBytes + " bytes"
                : requestedBytes + " bytes do not fit in the " + remainingBytes + " bytes left of a "
                        + allocatedBytes + "-byte buffer");
        this.requestedBytes = requestedBytes;
        this.remainingBytes = remainingBytes;
        this.allocatedBytes = allocatedBytes;
    }

    public long requestedBytes() {
        return requestedBytes;
    }

    public long remainingBytes() {
        return remainingBytes;
    }

    public long allocatedBytes() {
        return allocatedBytes;
    }

    public boolean neverFits() {
        return requestedBytes > allocatedBytes;
    }
}
