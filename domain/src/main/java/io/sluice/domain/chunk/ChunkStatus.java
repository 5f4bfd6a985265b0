package io.sluice.domain.chunk;

import io.sluice.domain.IllegalStateTransitionException;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a chunk is in its life. The legal transitions are listed here and nowhere else:
 *
 * <pre>
 * queued     -> processing (claimed under a lease)
 * processing -> queued (attempt failed or lease expired, attempts left), completed, failed (no attempts left)
 * completed, failed: final
 * </pre>
 */
public enum ChunkStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED;

    private static final Map<ChunkStatus, Set<ChunkStatus>> LEGAL = new EnumMap<>(ChunkStatus.class);

    static {
        LEGAL.put(QUEUED, EnumSet.of(PROCESSING));
        LEGAL.put(PROCESSING, EnumSet.of(QUEUED, COMPLETED, FAILED));
        LEGAL.put(COMPLETED, EnumSet.noneOf(ChunkStatus.class));
        LEGAL.put(FAILED, EnumSet.noneOf(ChunkStatus.class));
    }

    public boolean canTransitionTo(ChunkStatus target) {
        return LEGAL.get(this).contains(target);
    }

    /**
     * The one guard of the chunk lifecycle.
     *
     * @throws IllegalStateTransitionException naming this status and the target when the move is illegal
     */
    public ChunkStatus checkTransitionTo(ChunkStatus target) {
        if (!canTransitionTo(target)) {
            throw new IllegalStateTransitionException("chunk", this, target);
        }
        return target;
    }

    /** Completed or failed: a result exists and nothing changes any more. */
    public boolean isFinal() {
        return LEGAL.get(this).isEmpty();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
