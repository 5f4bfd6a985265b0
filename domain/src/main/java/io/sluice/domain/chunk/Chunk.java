package io.sluice.domain.chunk;

import io.sluice.domain.batch.BatchId;
import io.sluice.domain.tenant.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One chunk of records of a batch, as the pipeline tracks it (its payload and result are stored
 * beside it). Immutable; the named steps return the new state and all pass through
 * {@link ChunkStatus#checkTransitionTo}. The canonical constructor restores a chunk from storage.
 *
 * <p>Invariants: a chunk is {@code processing} exactly when it has a lease; {@code attempts} counts
 * claims, so it never exceeds the retry limit the pipeline passes in; {@code finished} is set
 * exactly when the status is final.
 *
 * @param attempts    how many times it was claimed
 * @param lease       the current claim, only while processing
 * @param lastFailure why the last attempt failed, or null
 * @param version     the optimistic-locking version it was read at; the store increments it
 */
public record Chunk(ChunkId id, TenantId tenant, BatchId batch, int recordCount, long byteSize,
                    ContentFingerprint fingerprint, ChunkStatus status, int attempts, Lease lease,
                    String lastFailure, Instant submitted, Instant finished, long version) {

    /** Attempts a chunk gets unless the pipeline is configured otherwise. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submitted, "submitted");
        if (recordCount < 0 || byteSize < 0 || attempts < 0) {
            throw new IllegalArgumentException("record count, byte size and attempts cannot be negative");
        }
        if ((status == ChunkStatus.PROCESSING) != (lease != null)) {
            throw new IllegalArgumentException("a chunk has a lease exactly while processing; was " + status.wireName()
                    + (lease == null ? " without" : " with") + " a lease");
        }
        if (status.isFinal() != (finished != null)) {
            throw new IllegalArgumentException("a chunk has a finish time exactly when it is completed or failed");
        }
    }

    /** A chunk accepted into the input buffer: queued, never attempted. */
    public static Chunk submit(ChunkId id, TenantId tenant, BatchId batch, int recordCount, long byteSize,
                               ContentFingerprint fingerprint, Instant now) {
        return new Chunk(id, tenant, batch, recordCount, byteSize, fingerprint, ChunkStatus.QUEUED, 0, null, null, now,
                null, 0);
    }

    /**
     * A re-post of this chunk's id: fine when the content is the same (nothing changes).
     *
     * @throws ChunkConflictException when the content differs
     */
    public void checkRepost(ContentFingerprint repostedContent) {
        if (!fingerprint.equals(repostedContent)) {
            throw new ChunkConflictException(id);
        }
    }

    /** {@code node} takes the chunk until {@code now + leaseDuration}; counts an attempt. */
    public Chunk claim(String node, Instant now, Duration leaseDuration) {
        ChunkStatus next = status.checkTransitionTo(ChunkStatus.PROCESSING);
        return new Chunk(id, tenant, batch, recordCount, byteSize, fingerprint, next, attempts + 1,
                new Lease(node, now.plus(leaseDuration)), lastFailure, submitted, null, version);
    }

    /**
     * The lease holder stored the result. A holder whose lease ran out may still finish as long as
     * nobody took the chunk back meanwhile; the store's version check settles any race.
     *
     * @throws LeaseConflictException when {@code node} does not hold the lease
     */
    public Chunk complete(String node, Instant now) {
        ChunkStatus next = status.checkTransitionTo(ChunkStatus.COMPLETED);
        requireHolder(node);
        return new Chunk(id, tenant, batch, recordCount, byteSize, fingerprint, next, attempts, null, lastFailure,
                submitted, now, version);
    }

    /**
     * The holder's attempt failed: queued again while attempts are left, else failed for good.
     *
     * @throws LeaseConflictException when {@code node} does not hold the lease
     */
    public Chunk failAttempt(String node, String reason, Instant now, int maxAttempts) {
        ChunkStatus next = status.checkTransitionTo(afterFailure(maxAttempts));
        requireHolder(node);
        return afterAttempt(next, reason, now);
    }

    /**
     * Takes back a chunk whose holder let the lease run out (it died or hung): queued again while
     * attempts are left, else failed for good.
     *
     * @throws LeaseConflictException when the lease has not expired at {@code now}
     */
    public Chunk expireLease(Instant now, int maxAttempts) {
        ChunkStatus next = status.checkTransitionTo(afterFailure(maxAttempts));
        if (!lease.isExpiredAt(now)) {
            throw new LeaseConflictException(id, "the lease of " + lease.holder() + " runs until " + lease.expiresAt()
                    + " and has not expired at " + now);
        }
        return afterAttempt(next, "the lease of " + lease.holder() + " expired at " + lease.expiresAt(), now);
    }

    public boolean isLeaseExpiredAt(Instant now) {
        return lease != null && lease.isExpiredAt(now);
    }

    private ChunkStatus afterFailure(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a chunk gets at least one attempt, not " + maxAttempts);
        }
        return attempts >= maxAttempts ? ChunkStatus.FAILED : ChunkStatus.QUEUED;
    }

    private Chunk afterAttempt(ChunkStatus next, String reason, Instant now) {
        return new Chunk(id, tenant, batch, recordCount, byteSize, fingerprint, next, attempts, null, reason, submitted,
                next == ChunkStatus.FAILED ? now : null, version);
    }

    private void requireHolder(String node) {
        if (!lease.holder().equals(node)) {
            throw new LeaseConflictException(id, node + " does not hold the lease; " + lease.holder() + " does");
        }
    }
}
