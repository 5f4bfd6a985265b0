package io.sluice.application.port;

import io.sluice.application.batch.BatchSnapshot;
import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.batch.BatchStatus;
import io.sluice.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Batches, tenant-scoped and shared by every node. A batch's counters and buffers are changed only
 * by the {@link ChunkStore} (atomic increments); this port stores a new batch and its status
 * changes, each guarded by the status it was decided from, so two nodes never both apply one.
 */
public interface BatchRepository {

    /** Stores a new batch with zero counters and empty buffers. */
    void insert(Batch batch);

    /** The batch with this id if it belongs to {@code tenant}; another tenant's batch is empty. */
    Optional<BatchSnapshot> find(TenantId tenant, BatchId id);

    /**
     * Writes {@code changed}'s status and timestamps if the stored status is still {@code expected}.
     *
     * @return false when the stored status moved on meanwhile (a lost race, nothing written)
     */
    boolean updateStatus(Batch changed, BatchStatus expected);

    /** The tenant's batches that are not final, or that finished at or after {@code finishedSince}; newest first. */
    List<BatchSnapshot> findCurrent(TenantId tenant, Instant finishedSince);

    /** Batches of every tenant in one of {@code statuses}, oldest first, for the timers. */
    List<BatchSnapshot> findInStatus(List<BatchStatus> statuses, int limit);

    /** Final batches that still hold their buffers and finished before {@code finishedBefore}. */
    List<Batch> findHoldingBuffers(Instant finishedBefore, int limit);

    /**
     * Marks the buffers of a final batch as given back to its tenant.
     *
     * @return false when it was marked already (by another node)
     */
    boolean markBuffersReleased(TenantId tenant, BatchId id, Instant now);

    /** Deletes final batches (and all their chunks) that finished before {@code finishedBefore}. */
    int purgeFinishedBefore(Instant finishedBefore);
}
