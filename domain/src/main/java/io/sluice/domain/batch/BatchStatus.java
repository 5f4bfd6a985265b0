package io.sluice.domain.batch;

import io.sluice.domain.IllegalStateTransitionException;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a batch is in its life. The legal transitions are listed here and nowhere else; every
 * named transition of {@link Batch} passes through {@link #checkTransitionTo(BatchStatus)}.
 *
 * <pre>
 * created     -> pending (no room yet), in_progress (first chunk), closed, closed_by_timeout, failed, cancelled
 * pending     -> created (admitted), closed, cancelled
 * in_progress -> closed, closed_by_timeout, failed, cancelled
 * closed      -> closed_by_timeout (results left unfetched), completed, failed, cancelled
 * closed_by_timeout -> completed_by_timeout, failed, cancelled
 * completed, completed_by_timeout, failed, cancelled: final
 * </pre>
 */
public enum BatchStatus {
    CREATED, PENDING, IN_PROGRESS, CLOSED, CLOSED_BY_TIMEOUT, COMPLETED, COMPLETED_BY_TIMEOUT, FAILED, CANCELLED;

    private static final Map<BatchStatus, Set<BatchStatus>> LEGAL = new EnumMap<>(BatchStatus.class);

    static {
        LEGAL.put(CREATED, EnumSet.of(PENDING, IN_PROGRESS, CLOSED, CLOSED_BY_TIMEOUT, FAILED, CANCELLED));
        LEGAL.put(PENDING, EnumSet.of(CREATED, CLOSED, CANCELLED));
        LEGAL.put(IN_PROGRESS, EnumSet.of(CLOSED, CLOSED_BY_TIMEOUT, FAILED, CANCELLED));
        LEGAL.put(CLOSED, EnumSet.of(CLOSED_BY_TIMEOUT, COMPLETED, FAILED, CANCELLED));
        LEGAL.put(CLOSED_BY_TIMEOUT, EnumSet.of(COMPLETED_BY_TIMEOUT, FAILED, CANCELLED));
        LEGAL.put(COMPLETED, EnumSet.noneOf(BatchStatus.class));
        LEGAL.put(COMPLETED_BY_TIMEOUT, EnumSet.noneOf(BatchStatus.class));
        LEGAL.put(FAILED, EnumSet.noneOf(BatchStatus.class));
        LEGAL.put(CANCELLED, EnumSet.noneOf(BatchStatus.class));
    }

    public boolean canTransitionTo(BatchStatus target) {
        return LEGAL.get(this).contains(target);
    }

    /**
     * The one guard of the batch status machine.
     *
     * @return {@code target}, when the move is legal
     * @throws IllegalStateTransitionException naming this status and the target otherwise
     */
    public BatchStatus checkTransitionTo(BatchStatus target) {
        if (!canTransitionTo(target)) {
            throw new IllegalStateTransitionException("batch", this, target);
        }
        return target;
    }

    /** Completed, completed by timeout, failed or cancelled: nothing changes any more. */
    public boolean isFinal() {
        return LEGAL.get(this).isEmpty();
    }

    /** Created or in progress: the only statuses in which chunks are accepted. */
    public boolean acceptsChunks() {
        return this == CREATED || this == IN_PROGRESS;
    }

    /** Intake has stopped (closed or closed by timeout) but accepted work may still be running. */
    public boolean isClosing() {
        return this == CLOSED || this == CLOSED_BY_TIMEOUT;
    }

    /** The form used in the API, e.g. {@code closed_by_timeout}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException listing the known statuses when {@code wireName} is none of them
     */
    public static BatchStatus fromWireName(String wireName) {
        for (BatchStatus status : values()) {
            if (status.wireName().equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown batch status '" + wireName + "'; known: created, pending, in_progress, "
                + "closed, closed_by_timeout, completed, completed_by_timeout, failed, cancelled");
    }
}
