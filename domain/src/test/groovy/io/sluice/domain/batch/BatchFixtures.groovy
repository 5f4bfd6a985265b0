package io.sluice.domain.batch

import io.sluice.domain.tenant.TenantId

import java.time.Duration
import java.time.Instant

import static io.sluice.domain.batch.BatchStatus.*

/** Batches in every status, built the way the pipeline builds them. */
final class BatchFixtures {

    static final Instant T0 = Instant.parse('2026-01-05T10:00:00Z')
    static final TenantId DEMO = TenantId.of('demo')
    static final PinnedServiceVersion SALES = new PinnedServiceVersion(
            UUID.fromString('ec7932a3-3e60-43d0-bd84-704cd4e94ff7'),
            UUID.fromString('ee6849b3-d7c0-44b4-b554-fe55fc128f8f'),
            'myfolder/SalesExample[0.2.0]', 'Sluice-POI_5.5.1')

    static Instant at(int minutes) {
        T0 + Duration.ofMinutes(minutes)
    }

    static Batch aNewBatch(BatchConfiguration configuration = BatchConfiguration.from(BatchConfiguration.Requested.defaults()),
                           Instant createdAt = T0) {
        Batch.create(new BatchId(UUID.randomUUID()), DEMO, 'ann', SALES, configuration, createdAt)
    }

    /** Admitted, with buffers of the given sizes in bytes. */
    static Batch aCreatedBatchWithBuffers(long inputBytes, long outputBytes) {
        aNewBatch(BatchConfiguration.from(new BatchConfiguration.Requested(null, null, null, null,
                inputBytes / 1e6d, outputBytes / 1e6d, null, null, null, null, null, null))).admit(T0)
    }

    static Batch aCreatedBatch() {
        aNewBatch().admit(T0)
    }

    static Batch aPendingBatch() {
        aNewBatch().pend(T0)
    }

    /** Two chunks (of 2 and 5 records, 700 bytes together) accepted at minute 1. */
    static Batch anInProgressBatch() {
        aCreatedBatch().acceptChunks(2, 7, 700, at(1))
    }

    static Batch aClosedBatch() {
        anInProgressBatch().close(at(2))
    }

    static Batch aClosedByTimeoutBatch() {
        anInProgressBatch().closeByTimeout(at(31))
    }

    static Batch aCompletedBatch() {
        aClosedBatch().recordChunkCompleted(2, 0, 3, 200, 100, at(3)).recordChunkCompleted(5, 0, 5, 500, 250, at(3))
                .recordResultsFetched(2, 350, at(4)).settle(at(4))
    }

    static Batch aCompletedByTimeoutBatch() {
        aClosedByTimeoutBatch().recordChunkCompleted(2, 0, 3, 200, 100, at(32))
                .recordChunkCompleted(5, 0, 5, 500, 250, at(32))
                .settle(at(32))
    }

    static Batch aFailedBatch() {
        aClosedBatch().recordChunkCompleted(2, 0, 3, 200, 100, at(3)).recordChunkFailed(5, 9, 500, 250, at(3))
                .recordResultsFetched(2, 350, at(4)).settle(at(4))
    }

    static Batch aCancelledBatch() {
        anInProgressBatch().cancel(at(5))
    }

    static Batch aBatchIn(BatchStatus status) {
        switch (status) {
            case CREATED: return aCreatedBatch()
            case PENDING: return aPendingBatch()
            case IN_PROGRESS: return anInProgressBatch()
            case CLOSED: return aClosedBatch()
            case CLOSED_BY_TIMEOUT: return aClosedByTimeoutBatch()
            case COMPLETED: return aCompletedBatch()
            case COMPLETED_BY_TIMEOUT: return aCompletedByTimeoutBatch()
            case FAILED: return aFailedBatch()
            case CANCELLED: return aCancelledBatch()
        }
        throw new IllegalArgumentException(status.name())
    }

    private BatchFixtures() {
    }
}
