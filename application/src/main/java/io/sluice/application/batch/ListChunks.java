package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.ChunkListing;
import jakarta.inject.Singleton;

/** A batch's chunks page by page, for a caller who may see the batch (a supervisor, or its owner). */
@Singleton
public class ListChunks {

    private final BatchRepository batches;
    private final ChunkListing chunks;

    public ListChunks(BatchRepository batches, ChunkListing chunks) {
        this.batches = batches;
        this.chunks = chunks;
    }

    /**
     * @throws BatchNotFoundException no such batch visible to the caller
     */
    public ChunkPage list(ListChunksQuery query) {
        Batches.visible(batches, query.caller(), query.batch());
        return chunks.page(query.caller().tenant(), query.batch(), query.offset(), query.limit());
    }
}
