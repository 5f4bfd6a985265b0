package io.sluice.client;

import java.util.List;

/** The answer of {@code GET /batch/{id}/chunkresults}: the fetched chunks and the pipeline status. */
public record ChunkResults(List<ChunkResult> data, PipelineStatus status) {

    public ChunkResults {
        data = data == null ? List.of() : data;
    }
}
