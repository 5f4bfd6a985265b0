package io.sluice.client;

/**
 * The pipeline status of one batch, as {@code GET /batch/{id}/status} and every chunk post
 * answer it. {@code recordSubmitted} keeps the API's own spelling ({@code record_submitted}).
 */
public record PipelineStatus(
        String batchStatus,
        String pipelineStatus,
        long chunksAvailable,
        long chunksSubmitted,
        long recordSubmitted,
        long chunksCompleted,
        long recordsCompleted,
        long computeTimeMs,
        long inputBufferUsedBytes,
        long inputBufferRemainingBytes,
        long outputBufferUsedBytes,
        long outputBufferRemainingBytes,
        long workersInUse,
        long recordsAvailable) {

    /** True once the batch can change no more: completed, failed or cancelled. */
    public boolean isFinal() {
        return batchStatus != null && switch (batchStatus) {
            case "completed", "completed_by_timeout", "failed", "cancelled" -> true;
            default -> false;
        };
    }
}
