package io.sluice.application.batch;

import io.sluice.domain.batch.BatchId;
import io.sluice.domain.tenant.Caller;

import java.util.Objects;

/** {@code PATCH /batch/{id}} with {@code batch_status} closed or cancelled. */
public record ChangeBatchStatusCommand(Caller caller, BatchId batch) {

    public ChangeBatchStatusCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(batch, "batch");
    }
}
