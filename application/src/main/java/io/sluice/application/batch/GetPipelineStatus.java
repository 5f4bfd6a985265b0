package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.Clock;
import jakarta.inject.Singleton;

/** The pipeline status of one batch: counters, buffers, workers. */
@Singleton
public class GetPipelineStatus {

    private final BatchRepository batches;
    private final Clock clock;

    public GetPipelineStatus(BatchRepository batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    /**
     * @throws BatchNotFoundException no such batch visible to the caller
     */
    public PipelineStatusView status(BatchQuery query) {
        var requested = clock.now();
        BatchSnapshot snapshot = Batches.visible(batches, query.caller(), query.batch());
        return PipelineStatusView.of(snapshot, requested, clock.now());
    }
}
