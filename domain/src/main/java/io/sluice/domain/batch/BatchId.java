package io.sluice.domain.batch;

import java.util.Objects;
import java.util.UUID;

/** The identity of a batch; generated outside the domain and passed in. */
public record BatchId(UUID value) {

    public BatchId {
        Objects.requireNonNull(value, "batch id");
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static BatchId of(String text) {
        try {
            return new BatchId(UUID.fromString(Objects.requireNonNull(text, "batch id")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("batch id '" + text + "' is not a UUID", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
