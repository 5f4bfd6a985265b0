package io.sluice.application.batch;

import io.sluice.domain.batch.BatchId;
import io.sluice.domain.tenant.Caller;

import java.util.Objects;

/** {@code GET /batch/{id}/chunkresults?max=N}: at most {@value #MAX} chunks, {@value #DEFAULT} unless asked. */
public record FetchChunkResultsQuery(Caller caller, BatchId batch, int max) {

    public static final int DEFAULT = 50;
    public static final int MAX = 100;

    public FetchChunkResultsQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(batch, "batch");
        if (max < 1 || max > MAX) {
            throw new IllegalArgumentException("max must be between 1 and " + MAX + ", was " + max);
        }
    }
}
