package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.ChunkStore;
import io.sluice.application.port.Clock;
import jakarta.inject.Singleton;

/** Stops a batch at once and discards both its buffers; nothing more can be fetched. */
@Singleton
public class CancelBatch {

    private static final int ATTEMPTS = 3;

    private final BatchRepository batches;
    private final ChunkStore chunks;
    private final Clock clock;

    public CancelBatch(BatchRepository batches, ChunkStore chunks, Clock clock) {
        this.batches = batches;
        this.chunks = chunks;
        this.clock = clock;
    }

    /**
     * @throws BatchNotFoundException no such batch visible to the caller
     * @throws io.sluice.domain.IllegalStateTransitionException the batch has ended already
     */
    public BatchSnapshot cancel(ChangeBatchStatusCommand command) {
        for (int attempt = 1; ; attempt++) {
            BatchSnapshot current = Batches.visible(batches, command.caller(), command.batch());
            var cancelled = current.batch().cancel(clock.now());
            if (batches.updateStatus(cancelled, current.batch().status())) {
                chunks.discard(cancelled.tenant(), cancelled.id());
                return batches.find(cancelled.tenant(), cancelled.id()).orElseThrow();
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("batch " + command.batch().value() + " kept changing while being cancelled");
            }
        }
    }
}
