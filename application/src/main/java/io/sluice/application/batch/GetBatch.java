package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import jakarta.inject.Singleton;

/** One batch with its summary counters and the configuration it runs with. */
@Singleton
public class GetBatch {

    private final BatchRepository batches;

    public GetBatch(BatchRepository batches) {
        this.batches = batches;
    }

    /**
     * @throws BatchNotFoundException no such batch visible to the caller
     */
    public BatchSnapshot get(BatchQuery query) {
        return Batches.visible(batches, query.caller(), query.batch());
    }
}
