package io.sluice.domain.buffer;

/**
 * A bounded buffer measured in bytes: the input or output buffer of one batch. Immutable; every
 * change returns the new account.
 *
 * <p>Invariant: {@code 0 <= usedBytes <= allocatedBytes}. A reservation is all or nothing: it
 * either fits whole or changes nothing and throws; so a chunk post is never half accepted.
 */
public record BufferAccount(long allocatedBytes, long usedBytes) {

    public BufferAccount {
        if (allocatedBytes < 0) {
            throw new IllegalArgumentException("a buffer cannot have " + allocatedBytes + " bytes allocated");
        }
        if (usedBytes < 0 || usedBytes > allocatedBytes) {
            throw new IllegalArgumentException("a buffer of " + allocatedBytes + " bytes cannot have " + usedBytes
                    + " bytes used");
        }
    }

    public static BufferAccount empty(long allocatedBytes) {
        return new BufferAccount(allocatedBytes, 0);
    }

    public long remainingBytes() {
        return allocatedBytes - usedBytes;
    }

    public boolean canReserve(long bytes) {
        return requireNotNegative(bytes) <= remainingBytes();
    }

    /** More than the whole buffer: it would not fit even when empty, so waiting is pointless. */
    public boolean neverFits(long bytes) {
        return requireNotNegative(bytes) > allocatedBytes;
    }

    public boolean isFull() {
        return usedBytes == allocatedBytes;
    }

    /**
     * @throws BufferFullException with the requested and remaining bytes when {@code bytes} does not fit whole
     */
    public BufferAccount reserve(long bytes) {
        if (!canReserve(bytes)) {
            throw new BufferFullException(bytes, remainingBytes(), allocatedBytes);
        }
        return new BufferAccount(allocatedBytes, usedBytes + bytes);
    }

    /**
     * @throws IllegalArgumentException when releasing more than is used: a bookkeeping bug, never clamped
     */
    public BufferAccount release(long bytes) {
        if (requireNotNegative(bytes) > usedBytes) {
            throw new IllegalArgumentException("cannot release " + bytes + " bytes from a buffer using " + usedBytes);
        }
        return new BufferAccount(allocatedBytes, usedBytes - bytes);
    }

    /** Empties the buffer at once, as a cancelled batch does. */
    public BufferAccount discardAll() {
        return new BufferAccount(allocatedBytes, 0);
    }

    private static long requireNotNegative(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a byte count cannot be negative: " + bytes);
        }
        return bytes;
    }
}
