package io.sluice.domain.batch;

/** Chunks were posted to a batch that takes none in its status (pending, closed, final). */
public final class BatchNotAcceptingChunksException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient BatchId batch;
    private final BatchStatus status;

    public BatchNotAcceptingChunksException(BatchId batch, BatchStatus status) {
        super("batch " + batch + " is " + status.wireName() + " and accepts no chunks"
                + (status == BatchStatus.PENDING ? " until its tenant has room for its buffers" : ""));
        this.batch = batch;
        this.status = status;
    }

    public BatchId batch() {
        return batch;
    }

    public BatchStatus status() {
        return status;
    }
}
