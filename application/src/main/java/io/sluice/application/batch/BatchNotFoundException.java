package io.sluice.application.batch;

import io.sluice.domain.batch.BatchId;

/** No batch with this id in the caller's tenant (or one the caller may not see). */
public final class BatchNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BatchNotFoundException(BatchId id) {
        this(id.value().toString());
    }

    public BatchNotFoundException(String id) {
        super("batch " + id + " not found");
    }
}
