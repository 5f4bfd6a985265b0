package io.sluice.application.port;

import io.sluice.application.batch.ChunkFailureGroup;
import io.sluice.application.batch.ChunkPage;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.tenant.TenantId;

import java.util.List;

/**
 * Read-only views of a batch's chunks for people (the dashboard's batch page): bounded pages in
 * submission order and the failures grouped by reason. Never locks, never changes a chunk; a chunk
 * may move on between two calls.
 */
public interface ChunkListing {

    /** The largest page any call returns. */
    int MAX_PAGE = 500;

    /**
     * At most {@code limit} chunks of the batch in submission order, skipping the first
     * {@code offset}, with the batch's total chunk count. Another tenant's batch (or no batch) gives
     * an empty page with a total of 0.
     *
     * @throws IllegalArgumentException when {@code offset < 0} or {@code limit} is not within 1..{@link #MAX_PAGE}
     */
    ChunkPage page(TenantId tenant, BatchId batch, long offset, int limit);

    /**
     * The reasons chunks of the batch failed or were retried, one group per reason and outcome
     * (failed for good, or given another attempt), with the chunks and records each affected; the
     * groups touching most records first, at most {@code limit} of them. Empty for another tenant's batch.
     */
    List<ChunkFailureGroup> failures(TenantId tenant, BatchId batch, int limit);
}
