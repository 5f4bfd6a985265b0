package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.Clock;
import jakarta.inject.Singleton;

/**
 * Stops a batch's intake: work already accepted still finishes and its results can be fetched.
 * A batch with nothing left to compute or fetch completes at once.
 */
@Singleton
public class CloseBatch {

    private static final int ATTEMPTS = 3;

    private final BatchRepository batches;
    private final Clock clock;

    public CloseBatch(BatchRepository batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    /**
     * @throws BatchNotFoundException no such batch visible to the caller
     * @throws io.sluice.domain.IllegalStateTransitionException the batch cannot be closed in its status
     */
    public BatchSnapshot close(ChangeBatchStatusCommand command) {
        for (int attempt = 1; ; attempt++) {
            BatchSnapshot current = Batches.visible(batches, command.caller(), command.batch());
            var now = clock.now();
            var closed = current.batch().close(now);
            if (batches.updateStatus(closed, current.batch().status())) {
                return Settling.settle(batches, batches.find(closed.tenant(), closed.id()).orElseThrow(), now);
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("batch " + command.batch().value() + " kept changing while being closed");
            }
        }
    }
}
