package io.sluice.application.batch;

import io.sluice.application.chunk.StoredResult;
import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.ChunkStore;
import io.sluice.application.port.Clock;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Takes computed chunks out of the output buffer (which frees room and resumes a paused pipeline).
 * A closed batch whose last result was just fetched completes here, without waiting for a timer.
 */
@Singleton
public class FetchChunkResults {

    private final BatchRepository batches;
    private final ChunkStore chunks;
    private final Clock clock;

    public FetchChunkResults(BatchRepository batches, ChunkStore chunks, Clock clock) {
        this.batches = batches;
        this.chunks = chunks;
        this.clock = clock;
    }

    /**
     * @throws BatchNotFoundException no such batch visible to the caller
     */
    public ChunkResultsView fetch(FetchChunkResultsQuery query) {
        var requested = clock.now();
        BatchSnapshot before = Batches.visible(batches, query.caller(), query.batch());
        List<StoredResult> taken = before.batch().status().isFinal() && before.recordsAvailable() == 0
                ? List.of() : chunks.takeResults(query.caller().tenant(), query.batch(), query.max(), requested);
        BatchSnapshot after = Settling.settle(batches, batches.find(query.caller().tenant(), query.batch()).orElseThrow(),
                clock.now());
        return new ChunkResultsView(taken, PipelineStatusView.of(after, requested, clock.now()));
    }
}
