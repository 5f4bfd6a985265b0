package io.sluice.application.batch;

import io.sluice.application.chunk.ChunkInput;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.tenant.Caller;

import java.util.List;
import java.util.Objects;

/** {@code POST /batch/{id}/chunks}: the chunks of one post, already parsed and checked. */
public record SubmitChunksCommand(Caller caller, BatchId batch, List<ChunkInput> chunks) {

    public SubmitChunksCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(batch, "batch");
        chunks = List.copyOf(chunks);
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("chunks must hold at least one chunk");
        }
    }
}
