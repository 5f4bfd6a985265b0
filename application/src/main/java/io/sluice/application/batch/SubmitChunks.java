package io.sluice.application.batch;

import io.sluice.application.chunk.ChunkInput;
import io.sluice.application.chunk.NewChunk;
import io.sluice.application.port.ChunkStore;
import io.sluice.application.port.Clock;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Accepts a post of chunks into a batch's input buffer, all or nothing, durable before it returns.
 * Re-posting a chunk with the same id and content changes nothing.
 */
@Singleton
public class SubmitChunks {

    private final ChunkStore chunks;
    private final Clock clock;

    public SubmitChunks(ChunkStore chunks, Clock clock) {
        this.chunks = chunks;
        this.clock = clock;
    }

    /**
     * @return the pipeline status after the post
     * @throws BatchNotFoundException                                  no such batch visible to the caller
     * @throws io.sluice.domain.batch.BatchNotAcceptingChunksException the batch takes no chunks now
     * @throws io.sluice.domain.chunk.ChunkConflictException          a chunk id was posted before with other content
     * @throws io.sluice.domain.buffer.BufferFullException            the chunks do not fit the input buffer
     */
    public PipelineStatusView submit(SubmitChunksCommand command) {
        var requested = clock.now();
        List<NewChunk> encoded = new ArrayList<>(command.chunks().size());
        for (ChunkInput chunk : command.chunks()) {
            encoded.add(NewChunk.of(chunk));
        }
        BatchSnapshot after = chunks.submit(command.caller(), command.batch(), encoded, requested).batch();
        return PipelineStatusView.of(after, requested, clock.now());
    }
}
