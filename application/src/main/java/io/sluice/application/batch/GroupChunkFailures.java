package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.ChunkListing;
import jakarta.inject.Singleton;

import java.util.List;

/** Why a batch's chunks failed, grouped by reason with the chunks and records each reason affected. */
@Singleton
public class GroupChunkFailures {

    /** The most failure reasons shown for one batch. */
    static final int MAX_GROUPS = 50;

    private final BatchRepository batches;
    private final ChunkListing chunks;

    public GroupChunkFailures(BatchRepository batches, ChunkListing chunks) {
        this.batches = batches;
        this.chunks = chunks;
    }

    /**
     * @throws BatchNotFoundException no such batch visible to the caller
     */
    public List<ChunkFailureGroup> group(BatchQuery query) {
        Batches.visible(batches, query.caller(), query.batch());
        return chunks.failures(query.caller().tenant(), query.batch(), MAX_GROUPS);
    }
}
