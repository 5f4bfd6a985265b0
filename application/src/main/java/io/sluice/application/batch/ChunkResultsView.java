package io.sluice.application.batch;

import io.sluice.application.chunk.StoredResult;

import java.util.List;

/** What {@code chunkresults} returns: the chunks taken out of the output buffer and the status after. */
public record ChunkResultsView(List<StoredResult> results, PipelineStatusView status) {
}
