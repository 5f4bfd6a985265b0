package io.sluice.domain.chunk

import io.sluice.domain.batch.BatchId
import io.sluice.domain.tenant.TenantId

import java.time.Duration
import java.time.Instant

/** Chunks in every status, built the way the pipeline builds them. */
final class ChunkFixtures {

    static final Instant T0 = Instant.parse('2026-01-05T10:00:00Z')
    static final Duration LEASE = Duration.ofMinutes(5)
    static final String NODE = 'node-a'
    static final ContentFingerprint CONTENT = ContentFingerprint.of('{"inputs":[["price"],[20]]}')

    static Instant at(int seconds) {
        T0 + Duration.ofSeconds(seconds)
    }

    static Chunk aQueuedChunk() {
        Chunk.submit(new ChunkId(UUID.randomUUID()), TenantId.of('demo'), new BatchId(UUID.randomUUID()), 7, 420,
                CONTENT, T0)
    }

    /** Claimed by {@link #NODE} at second 1 for {@link #LEASE}. */
    static Chunk aClaimedChunk() {
        aQueuedChunk().claim(NODE, at(1), LEASE)
    }

    /** Queued again after a failed first attempt. */
    static Chunk aRetriedChunk() {
        aClaimedChunk().failAttempt(NODE, 'engine blew up', at(2), 3)
    }

    static Chunk aCompletedChunk() {
        aClaimedChunk().complete(NODE, at(3))
    }

    static Chunk aFailedChunk() {
        aClaimedChunk().failAttempt(NODE, 'engine blew up', at(3), 1)
    }

    static Chunk aChunkIn(ChunkStatus status) {
        switch (status) {
            case ChunkStatus.QUEUED: return aQueuedChunk()
            case ChunkStatus.PROCESSING: return aClaimedChunk()
            case ChunkStatus.COMPLETED: return aCompletedChunk()
            case ChunkStatus.FAILED: return aFailedChunk()
        }
        throw new IllegalArgumentException(status.name())
    }

    private ChunkFixtures() {
    }
}
