package io.sluice.adapters.jdbc

import io.sluice.application.batch.ChunkFailureGroup
import io.sluice.application.chunk.ChunkOutcome
import io.sluice.application.port.BatchRepository
import io.sluice.application.port.ChunkListing
import io.sluice.application.port.ChunkStore
import io.sluice.domain.batch.Batch
import io.sluice.domain.batch.BatchConfiguration
import io.sluice.domain.batch.BatchId
import io.sluice.domain.chunk.ChunkStatus
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static io.sluice.adapters.jdbc.ChunkStoreContract.SERVICE
import static io.sluice.adapters.jdbc.ChunkStoreContract.aChunk

/**
 * What every {@link ChunkListing} promises: chunks in submission order with their state, bounded
 * pages with the total, failures grouped by reason, and nothing of another tenant's batch.
 */
abstract class ChunkListingContract extends Specification {

    static final TenantId DEMO = TenantId.of('demo')
    static final TenantId OTHER = TenantId.of('other')

    abstract ChunkListing listing()

    abstract ChunkStore store()

    abstract BatchRepository batches()

    Instant now = Instant.now()
    String node = 'node-' + UUID.randomUUID().toString().substring(0, 8)

    BatchId aBatchWithChunks(List<Integer> recordsPerChunk) {
        def batch = Batch.create(new BatchId(UUID.randomUUID()), DEMO, 'alice', SERVICE,
                BatchConfiguration.from(BatchConfiguration.Requested.defaults()), now).admit(now)
        batches().insert(batch)
        recordsPerChunk.eachWithIndex { records, i ->
            store().submit(new Caller(DEMO, 'alice', [] as Set), batch.id(), [aChunk(records)], now.plusMillis(i))
        }
        batch.id()
    }

    def 'a page lists chunks in submission order with state, attempts, records and times'() {
        given:
        def id = aBatchWithChunks([3, 1, 2])

        when:
        def page = listing().page(DEMO, id, 0, 10)

        then:
        page.total() == 3
        page.chunks()*.records() == [3, 1, 2]
        page.chunks()*.position() == [1L, 2L, 3L]
        page.chunks().every { it.status() == ChunkStatus.QUEUED && it.attempts() == 0 && it.submitted() != null }
        !page.hasMore()
    }

    def 'a claimed chunk shows as processing with one attempt and its lease'() {
        given:
        def id = aBatchWithChunks([2, 2])
        def claimed = store().claim(node, 1000, now, Duration.ofMinutes(1), 3000).findAll { it.batch() == id }

        when:
        def chunks = listing().page(DEMO, id, 0, 10).chunks()

        then:
        claimed.size() == 2
        chunks.every { it.status() == ChunkStatus.PROCESSING && it.attempts() == 1 && it.leaseUntil() != null }
    }

    def 'pages are bounded by offset and limit and carry the total'() {
        given:
        def id = aBatchWithChunks([1, 2, 3, 4, 5])

        when:
        def second = listing().page(DEMO, id, 2, 2)

        then:
        second.total() == 5
        second.chunks()*.records() == [3, 4]
        second.chunks()*.position() == [3L, 4L]
        second.hasMore()

        and:
        listing().page(DEMO, id, 4, 2).chunks()*.records() == [5]
        !listing().page(DEMO, id, 4, 2).hasMore()
    }

    def 'another tenant sees neither the chunks nor the failures of a batch'() {
        given:
        def id = aBatchWithChunks([2])
        def claimed = store().claim(node, 1000, now, Duration.ofMinutes(1), 3000).find { it.batch() == id }
        store().retry(claimed, 'boom', now)

        expect:
        listing().page(OTHER, id, 0, 10).chunks().isEmpty()
        listing().page(OTHER, id, 0, 10).total() == 0
        listing().failures(OTHER, id, 10).isEmpty()
        listing().failures(DEMO, id, 10).size() == 1
    }

    def 'failures are grouped by reason and outcome with the chunks and records they touched'() {
        given:
        def id = aBatchWithChunks([2, 3, 4])
        def claimed = store().claim(node, 1000, now, Duration.ofMinutes(1), 3000).findAll { it.batch() == id }

        when: 'the first two chunks fail for good for one reason, the third is retried for another'
        claimed[0..1].each { store().complete(it, new ChunkOutcome(new byte[1], it.records(), it.records(), 1, true, 'engine crashed'), now) }
        store().retry(claimed[2], 'lease lost', now)
        def groups = listing().failures(DEMO, id, 10)

        then:
        groups == [new ChunkFailureGroup('engine crashed', true, 2, 5), new ChunkFailureGroup('lease lost', false, 1, 4)]

        and: 'the chunk table shows the outcome of each'
        listing().page(DEMO, id, 0, 10).chunks()*.status() == [ChunkStatus.FAILED, ChunkStatus.FAILED, ChunkStatus.QUEUED]
        listing().page(DEMO, id, 0, 10).chunks()[0].finished() != null
        listing().page(DEMO, id, 0, 10).chunks()[2].lastFailure() == 'lease lost'
    }

    def 'a page asked beyond the limit is refused: #offset, #limit'() {
        when:
        listing().page(DEMO, new BatchId(UUID.randomUUID()), offset, limit)

        then:
        thrown(IllegalArgumentException)

        where:
        offset | limit
        -1     | 10
        0      | 0
        0      | ChunkListing.MAX_PAGE + 1
    }
}
