package io.sluice.application.chunk;

import io.sluice.domain.batch.BatchId;
import io.sluice.domain.chunk.ChunkId;
import io.sluice.domain.tenant.TenantId;

import java.util.UUID;

/**
 * A chunk a node holds under a lease: what a worker needs to compute it. {@code attempt} is the
 * number of this claim (1 for the first); the store accepts a result only from this very claim.
 */
public record ClaimedChunk(TenantId tenant, BatchId batch, ChunkId id, UUID versionId, int records, long inputBytes,
                           int attempt, String holder, byte[] payload) {
}
