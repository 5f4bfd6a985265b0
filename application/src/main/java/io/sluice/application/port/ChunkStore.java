package io.sluice.application.port;

import io.sluice.application.batch.BatchSnapshot;
import io.sluice.application.chunk.ChunkOutcome;
import io.sluice.application.chunk.ClaimedChunk;
import io.sluice.application.chunk.NewChunk;
import io.sluice.application.chunk.StoredResult;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Chunk payloads and results, and the batch counters and buffers they move, shared by every node.
 * Every method is one transaction, except that a claim which wants more chunks than one tenant
 * gives takes the next tenant's turn in a transaction of its own (and counts chunks taken back from
 * an expired lease after it committed); counters change only by atomic increments, so concurrent
 * nodes never lose an update, and a result is stored only by the claim that holds the chunk's lease.
 */
public interface ChunkStore {

    /** What a post did: how many of its chunks were new (the rest were identical re-posts), and the batch after it. */
    record Posted(int fresh, BatchSnapshot batch) {
    }

    /**
     * Stores a post all or nothing: checks the caller may see the batch and the batch accepts
     * chunks, skips chunks re-posted with the same id and content, reserves the new chunks' bytes in
     * the input buffer, counts them and starts a created batch. Committed before it returns, in one
     * transaction with the checks and the batch as it is after the post.
     *
     * @throws io.sluice.application.batch.BatchNotFoundException             no such batch visible to the caller
     * @throws io.sluice.domain.batch.BatchNotAcceptingChunksException          the batch takes no chunks in its status
     * @throws io.sluice.domain.chunk.ChunkConflictException                   a chunk id was posted before with other content
     * @throws io.sluice.domain.buffer.BufferFullException                     the new chunks do not fit the input buffer
     */
    Posted submit(Caller caller, BatchId batch, List<NewChunk> chunks, Instant now);

    /**
     * Claims up to {@code max} chunks for {@code holder} until {@code now + lease}: queued chunks,
     * and chunks whose lease expired (those count as retried). Only batches that are running and
     * whose output buffer is not full are served; tenants take turns.
     *
     * <p>Workers: one chunk under a live lease is one worker. A tenant never holds more than
     * {@code tenantWorkerPool}, shared among its batches as {@link io.sluice.domain.tenant.WorkerAllocation}
     * decides (each batch at most its {@code max_workers}; competing batches get equal shares); a
     * batch above its share claims nothing until its chunks finish. Safe when many nodes claim at
     * once: a chunk is never held by two claims and the pool is never exceeded across nodes.
     */
    List<ClaimedChunk> claim(String holder, int max, Instant now, Duration lease, int tenantWorkerPool);

    /**
     * Stores the result of a claim: moves the chunk's bytes out of the input buffer and the result's
     * into the output buffer, counts it (completed, or failed) and frees its lease.
     *
     * @return false when the claim no longer holds the chunk (taken back, or the batch was cancelled): nothing stored
     */
    boolean complete(ClaimedChunk chunk, ChunkOutcome outcome, Instant now);

    /** What {@link #completeAndClaim} did: whether the result was stored, and the chunks claimed next. */
    record Completed(boolean stored, List<ClaimedChunk> next) {
    }

    /**
     * {@link #complete} and then, in the same transaction, {@link #claim} of up to {@code max} chunks
     * for the chunk's holder: a busy worker stores one chunk and takes its next with one commit
     * instead of two. Nothing is claimed when the result was not stored.
     */
    Completed completeAndClaim(ClaimedChunk chunk, ChunkOutcome outcome, Instant now, int max, Duration lease,
                               int tenantWorkerPool);

    /**
     * Gives a claimed chunk back to the queue for another attempt, counting a retry.
     *
     * @return false when the claim no longer holds the chunk
     */
    boolean retry(ClaimedChunk chunk, String reason, Instant now);

    /**
     * Takes up to {@code max} computed chunks out of the output buffer, in submission order: they are
     * deleted and counted as fetched. Two callers never get the same chunk.
     */
    List<StoredResult> takeResults(TenantId tenant, BatchId batch, int max, Instant now);

    /** Discards both buffers of a cancelled batch at once: payloads and results deleted, buffers emptied. */
    void discard(TenantId tenant, BatchId batch);

    /** Gives every chunk {@code holder} holds back to the queue without counting an attempt (shutdown). */
    int releaseAll(String holder);
}
