package io.sluice.application.batch;

import io.sluice.domain.batch.Batch;
import io.sluice.domain.buffer.BufferAccount;

/**
 * A batch as stored, with what only the pipeline knows: the records waiting in the output buffer,
 * the bytes that went through each buffer, and the chunks being computed right now (on any node).
 */
public record BatchSnapshot(Batch batch, long recordsAvailable, long inputSizeBytes, long outputSizeBytes,
                            int workersInUse) {

    public BufferAccount input() {
        return batch.inputBuffer();
    }

    public BufferAccount output() {
        return batch.outputBuffer();
    }
}
