package io.sluice.application.batch;

import io.sluice.application.port.ChunkListing;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.tenant.Caller;

import java.util.Objects;

/** A page of one batch's chunks: from {@code offset}, at most {@code limit} (1..{@value ChunkListing#MAX_PAGE}). */
public record ListChunksQuery(Caller caller, BatchId batch, long offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;

    public ListChunksQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(batch, "batch");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > ChunkListing.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + ChunkListing.MAX_PAGE + ", was " + limit);
        }
    }
}
