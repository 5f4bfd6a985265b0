package io.sluice.domain.batch;

import java.util.Locale;

/**
 * What a batch's pipeline is doing, derived from the batch (its status, counters and output
 * buffer), never stored.
 */
public enum PipelineStatus {
    /** Nothing to compute right now. */
    IDLE,
    /** Chunks wait or are being computed and their results fit. */
    RUNNING,
    /** Chunks wait but the output buffer cannot take the next result until the client fetches. */
    PAUSED,
    /** Nothing will run any more: the batch ended, or intake stopped and every chunk is computed. */
    CLOSED;

    /**
     * @param nextResultBytes the room the next result needs, as the pipeline estimates it (at least
     *                        one byte is always assumed, so a full buffer pauses)
     */
    public static PipelineStatus of(Batch batch, long nextResultBytes) {
        BatchStatus status = batch.status();
        BatchCounters counters = batch.counters();
        if (status.isFinal() || status.isClosing() && counters.allComputed()) {
            return CLOSED;
        }
        if (counters.allComputed()) {
            return IDLE;
        }
        return batch.outputBuffer().canReserve(Math.max(1, nextResultBytes)) ? RUNNING : PAUSED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
