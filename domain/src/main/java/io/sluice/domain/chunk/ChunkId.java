package io.sluice.domain.chunk;

import java.util.Objects;
import java.util.UUID;

/** The identity of a chunk, chosen by the client (a UUID) so that re-posts can be recognised. */
public record ChunkId(UUID value) {

    public ChunkId {
        Objects.requireNonNull(value, "chunk id");
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static ChunkId of(String text) {
        try {
            return new ChunkId(UUID.fromString(Objects.requireNonNull(text, "chunk id")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("chunk id '" + text + "' is not a UUID", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
