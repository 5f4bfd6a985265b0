package io.sluice.application.batch;

import io.sluice.domain.batch.BatchId;
import io.sluice.domain.tenant.Caller;

import java.util.Objects;

/** Which batch a caller asks about. */
public record BatchQuery(Caller caller, BatchId batch) {

    public BatchQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(batch, "batch");
    }
}
