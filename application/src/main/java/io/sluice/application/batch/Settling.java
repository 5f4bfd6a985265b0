package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import io.sluice.domain.batch.Batch;

import java.time.Instant;

/** Applies the completion rule to a stored batch and stores the outcome when it changed. */
final class Settling {

    private Settling() {
    }

    static BatchSnapshot settle(BatchRepository batches, BatchSnapshot snapshot, Instant now) {
        Batch settled = snapshot.batch().settle(now);
        if (settled.status() == snapshot.batch().status()) {
            return snapshot;
        }
        batches.updateStatus(settled, snapshot.batch().status());
        return batches.find(settled.tenant(), settled.id()).orElseThrow();
    }
}
