package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.tenant.Caller;

/** Finding a batch the way every use case must: in the caller's tenant, and visible to the caller. */
final class Batches {

    private Batches() {
    }

    /**
     * @throws BatchNotFoundException when the batch is another tenant's, or another user's and the caller is no supervisor
     */
    static BatchSnapshot visible(BatchRepository batches, Caller caller, BatchId id) {
        return batches.find(caller.tenant(), id)
                .filter(s -> caller.canSee(s.batch().tenant(), s.batch().owner()))
                .orElseThrow(() -> new BatchNotFoundException(id));
    }
}
