package io.sluice.domain.tenant;

import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchConfiguration;
import io.sluice.domain.batch.BatchStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's shared pools and the admission rules over them. Nothing is stored besides the two pool
 * sizes: what is reserved follows from the tenant's batches, so every node computes the same answer
 * from the same rows.
 *
 * <p>Rules: a batch holds its input + output buffer in the pool from admission until
 * {@link #BUFFER_RELEASE_DELAY} after it ends. A batch is admitted only when the pool has at least
 * {@link #ADMISSION_HEADROOM_PERCENT}% of its (input + output) buffer free, and only after every
 * batch that waits longer (first come, first served: a small batch never overtakes a waiting big one).
 */
public record TenantCapacity(TenantId tenant, long bufferPoolBytes, int workerPool) {

    /** A batch needs this share of its own buffers free in the pool to be admitted. */
    public static final int ADMISSION_HEADROOM_PERCENT = 110;
    /** Buffers return to the pool this long after a batch ends. */
    public static final Duration BUFFER_RELEASE_DELAY = Duration.ofMinutes(2);

    public TenantCapacity {
        Objects.requireNonNull(tenant, "tenant");
        if (bufferPoolBytes < 0 || workerPool < 0) {
            throw new IllegalArgumentException("a tenant's pools cannot be negative");
        }
    }

    /** Admitted and not ended, or ended less than {@link #BUFFER_RELEASE_DELAY} ago. */
    public static boolean holdsBuffers(Batch batch, Instant now) {
        return batch.isAdmitted() && (!batch.status().isFinal()
                || now.isBefore(batch.timestamps().finished().plus(BUFFER_RELEASE_DELAY)));
    }

    /** The buffer bytes the tenant's batches hold at {@code now}. */
    public long reservedBytes(Collection<Batch> batches, Instant now) {
        long reserved = 0;
        for (Batch batch : batches) {
            if (ownBatch(batch) && holdsBuffers(batch, now)) {
                reserved += batch.configuration().totalBufferBytes();
            }
        }
        return reserved;
    }

    /** What is left of the pool; never negative, even if the pool was made smaller. */
    public long freeBytes(Collection<Batch> batches, Instant now) {
        return Math.max(0, bufferPoolBytes - reservedBytes(batches, now));
    }

    /** The 110% rule for {@code free} bytes of the pool. */
    public static boolean fits(BatchConfiguration configuration, long freeBytes) {
        return freeBytes * 100 >= configuration.totalBufferBytes() * ADMISSION_HEADROOM_PERCENT;
    }

    /** Even an empty pool could not admit it: such a batch must be refused at creation. */
    public boolean canEverAdmit(BatchConfiguration configuration) {
        return fits(configuration, bufferPoolBytes);
    }

    /**
     * Decides a new batch's admission: admitted when no older batch waits and it fits, else pending.
     *
     * @param batches the tenant's other batches
     * @throws IllegalArgumentException when a batch belongs to another tenant
     */
    public Batch admitOrPend(Batch candidate, Collection<Batch> batches, Instant now) {
        ownBatch(candidate);
        boolean queueAhead = batches.stream().anyMatch(b -> ownBatch(b) && b.status() == BatchStatus.PENDING);
        return !queueAhead && fits(candidate.configuration(), freeBytes(batches, now))
                ? candidate.admit(now) : candidate.pend(now);
    }

    /**
     * Admits waiting batches in the order they were created while they fit, stopping at the first
     * that does not (batches that could never fit are passed over, so they cannot block the queue).
     *
     * @return the newly admitted batches, in admission order
     */
    public List<Batch> admitPending(Collection<Batch> batches, Instant now) {
        long free = freeBytes(batches, now);
        List<Batch> waiting = batches.stream()
                .filter(b -> ownBatch(b) && b.status() == BatchStatus.PENDING)
                .sorted(Comparator.comparing((Batch b) -> b.timestamps().created()).thenComparing(b -> b.id().value()))
                .toList();
        List<Batch> admitted = new ArrayList<>();
        for (Batch batch : waiting) {
            if (!canEverAdmit(batch.configuration())) {
                continue;
            }
            if (!fits(batch.configuration(), free)) {
                break;
            }
            admitted.add(batch.admit(now));
            free -= batch.configuration().totalBufferBytes();
        }
        return List.copyOf(admitted);
    }

    /** The pool as the tenant status shows it: allocated and used bytes of the batches holding buffers. */
    public TenantUsage usage(Collection<Batch> batches, Instant now) {
        long inAllocated = 0;
        long inUsed = 0;
        long outAllocated = 0;
        long outUsed = 0;
        for (Batch batch : batches) {
            if (ownBatch(batch) && holdsBuffers(batch, now)) {
                inAllocated += batch.inputBuffer().allocatedBytes();
                inUsed += batch.inputBuffer().usedBytes();
                outAllocated += batch.outputBuffer().allocatedBytes();
                outUsed += batch.outputBuffer().usedBytes();
            }
        }
        return new TenantUsage(bufferPoolBytes, inAllocated, inUsed, outAllocated, outUsed);
    }

    private boolean ownBatch(Batch batch) {
        if (!batch.tenant().equals(tenant)) {
            throw new IllegalArgumentException("batch " + batch.id() + " belongs to tenant " + batch.tenant()
                    + ", not " + tenant);
        }
        return true;
    }
}
