package io.sluice.adapters.jdbc

import io.sluice.application.batch.BatchNotFoundException
import io.sluice.application.chunk.ChunkOutcome
import io.sluice.application.chunk.ClaimedChunk
import io.sluice.application.chunk.ChunkInput
import io.sluice.application.chunk.NewChunk
import io.sluice.application.chunk.SummarySpec
import io.sluice.application.port.BatchRepository
import io.sluice.application.port.ChunkStore
import io.sluice.application.port.TenantBufferPool
import io.sluice.domain.batch.Batch
import io.sluice.domain.batch.BatchConfiguration
import io.sluice.domain.batch.BatchId
import io.sluice.domain.batch.BatchStatus
import io.sluice.domain.batch.PinnedServiceVersion
import io.sluice.domain.buffer.BufferFullException
import io.sluice.domain.chunk.ChunkConflictException
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicBoolean

/**
 * What every {@link ChunkStore} and {@link BatchRepository} promise, run against each database:
 * tenant isolation, all-or-nothing posts, exclusive claims under leases, results stored only by
 * the claim that holds the chunk, each result taken once, and counters that lose no update.
 */
abstract class ChunkStoreContract extends Specification {

    static final TenantId DEMO = TenantId.of('demo')
    static final TenantId OTHER = TenantId.of('other')
    static final PinnedServiceVersion SERVICE = new PinnedServiceVersion(UUID.randomUUID(), UUID.randomUUID(),
            'samples/SalesExample[1.0.0]', 'Test_v1')

    abstract ChunkStore store()

    abstract BatchRepository batches()

    abstract TenantBufferPool pool()

    Instant now = Instant.now()
    String node = 'node-' + UUID.randomUUID().toString().substring(0, 8)

    /** A pool larger than any spec's demand, for the features that are not about the pool. */
    static final int LARGE_POOL = 3000

    BatchId anInProgressBatch(Map settings = [:]) {
        def requested = new BatchConfiguration.Requested(settings.initialWorkers as Integer, settings.maxWorkers as Integer,
                null, null, settings.input as Double, null, null, null, null, null, null, null)
        def batch = Batch.create(new BatchId(UUID.randomUUID()), settings.tenant as TenantId ?: DEMO, 'alice', SERVICE,
                BatchConfiguration.from(requested), now).admit(now)
        batches().insert(batch)
        batch.id()
    }

    /** A tenant of its own, so that no other feature's batches share its worker pool. */
    static TenantId aTenant() {
        TenantId.of("pool-${UUID.randomUUID().toString().substring(0, 8)}")
    }

    /**
     * Claims serve every tenant, so a feature that claims from one batch and expects its own chunks
     * starts with no other batch running: the batches earlier features left running are cancelled.
     */
    void noOtherBatchRunning() {
        batches().findInStatus([BatchStatus.IN_PROGRESS, BatchStatus.CLOSED, BatchStatus.CLOSED_BY_TIMEOUT], 10_000).each {
            batches().updateStatus(it.batch().cancel(now), it.batch().status())
        }
    }

    /** A batch of a tenant of its own holding {@code chunks}, the only batch running: every claim takes its chunks. */
    List aLoneBatch(List<NewChunk> chunks) {
        noOtherBatchRunning()
        def tenant = aTenant()
        def id = anInProgressBatch(tenant: tenant)
        post(tenant, id, chunks)
        [tenant, id]
    }

    /** Posts as alice, who owns every batch made here. */
    ChunkStore.Posted post(TenantId tenant, BatchId id, List<NewChunk> chunks) {
        store().submit(new Caller(tenant, 'alice', [] as Set), id, chunks, now)
    }

    List<ClaimedChunk> claim(String holder, int max, Instant at, Duration lease, int tenantPool = LARGE_POOL) {
        store().claim(holder, max, at, lease, tenantPool)
    }

    /** A tenant's batch with {@code chunks} queued chunks. */
    BatchId aBatchWithChunks(TenantId tenant, int chunks, Map settings = [:]) {
        def id = anInProgressBatch(settings + [tenant: tenant])
        post(tenant, id, (1..chunks).collect { aChunk() })
        id
    }

    /** How many of the claimed chunks belong to each batch. */
    static Map<BatchId, Integer> perBatch(List<ClaimedChunk> claimed, List<BatchId> batches) {
        batches.collectEntries { b -> [(b): claimed.count { it.batch() == b } as int] }
    }

    static NewChunk aChunk(int records = 2, UUID id = UUID.randomUUID(), int salt = 0) {
        NewChunk.of(new ChunkInput(id, ['sale_id', 'price'], (1..records).collect { [it + salt, 20L] as Object[] }, [:],
                SummarySpec.NONE))
    }

    def counters(BatchId id) {
        batches().find(DEMO, id).get().batch().counters()
    }

    def 'an accepted post is counted, starts the batch and fills the input buffer, and returns the batch as stored after it'() {
        given:
        def id = anInProgressBatch()
        def chunks = [aChunk(2), aChunk(3)]

        when:
        def posted = post(DEMO, id, chunks)
        def stored = batches().find(DEMO, id).get()

        then:
        posted.fresh() == 2
        stored.batch().status() == BatchStatus.IN_PROGRESS
        stored.batch().counters().recordsSubmitted() == 5
        stored.input().usedBytes() == chunks.sum { it.bytes() }
        posted.batch() == stored
    }

    def 'a post by a caller who may not see the batch is refused and stores nothing; a supervisor of the tenant may post'() {
        given:
        def id = anInProgressBatch()

        when:
        store().submit(new Caller(DEMO, 'bob', [] as Set), id, [aChunk()], now)

        then:
        thrown(BatchNotFoundException)
        counters(id).chunksSubmitted() == 0

        when:
        def posted = store().submit(new Caller(DEMO, 'carol', [Caller.SUPERVISOR] as Set), id, [aChunk(4)], now)

        then:
        posted.fresh() == 1
        posted.batch().batch().counters().recordsSubmitted() == 4
    }

    def 'a re-post of the same content is skipped and other content under the same id is refused'() {
        given:
        def id = anInProgressBatch()
        def chunkId = UUID.randomUUID()
        post(DEMO, id, [aChunk(2, chunkId)])

        expect:
        post(DEMO, id, [aChunk(2, chunkId)]).fresh() == 0
        counters(id).chunksSubmitted() == 1

        when:
        post(DEMO, id, [aChunk(2, chunkId, 7)])

        then:
        thrown(ChunkConflictException)
    }

    def 'a post that does not fit is refused whole'() {
        given:
        def one = aChunk(50)
        def id = anInProgressBatch(input: one.bytes() * 1.5d / 1_000_000)

        when:
        post(DEMO, id, [aChunk(50), aChunk(50, UUID.randomUUID(), 1)])

        then:
        thrown(BufferFullException)
        counters(id).chunksSubmitted() == 0
    }

    def 'another tenant neither finds nor feeds nor drains the batch'() {
        given:
        def id = anInProgressBatch()

        expect:
        batches().find(OTHER, id).isEmpty()

        when:
        post(OTHER, id, [aChunk()])

        then:
        thrown(BatchNotFoundException)

        when:
        store().takeResults(OTHER, id, 10, now)

        then:
        thrown(BatchNotFoundException)
    }

    def 'concurrent claims never hand one chunk to two holders'() {
        given:
        def id = anInProgressBatch()
        post(DEMO, id, (1..40).collect { aChunk() })
        def executor = Executors.newFixedThreadPool(4)

        when:
        def claims = (1..4).collect { n ->
            executor.submit({ (1..20).collectMany { claim("$node-$n", 1, now, Duration.ofMinutes(1)) } } as Callable)
        }*.get()

        then:
        def mine = claims.flatten().findAll { it.batch() == id }
        mine.size() == 40
        mine*.id().toSet().size() == 40

        cleanup:
        executor.shutdownNow()
    }

    def 'a claim honours the batch max_workers'() {
        given:
        def id = anInProgressBatch(maxWorkers: 2)
        post(DEMO, id, (1..5).collect { aChunk() })

        expect:
        claim('node-1', 5, now, Duration.ofMinutes(1)).size() == 2
        claim('node-2', 5, now, Duration.ofMinutes(1)).isEmpty()
    }

    def 'a chunk whose lease expired is claimed again, counted as retried, and the old claim can no longer store'() {
        given:
        def id = anInProgressBatch()
        post(DEMO, id, [aChunk(3)])
        def first = claim('node-1', 1, now, Duration.ofSeconds(10))[0]

        expect:
        claim('node-2', 1, now.plusSeconds(5), Duration.ofSeconds(10)).isEmpty()

        when:
        def second = claim('node-2', 1, now.plusSeconds(11), Duration.ofSeconds(10))[0]

        then:
        second.attempt() == 2
        counters(id).chunksRetried() == 1
        counters(id).recordsRetried() == 3
        !store().complete(first, new ChunkOutcome([1, 2] as byte[], 3, 0, 5, false, null), now.plusSeconds(12))
        store().complete(second, new ChunkOutcome([1, 2] as byte[], 3, 0, 5, false, null), now.plusSeconds(12))
    }

    def 'a worker stores its result and takes its next chunk in one step, the freed worker counting for the claim'() {
        given:
        def chunks = (1..3).collect { aChunk(2) }
        def (tenant, id) = aLoneBatch(chunks)
        def first = claim('node-1', 1, now, Duration.ofMinutes(1), 1)[0]

        expect: 'the pool of one is in use'
        claim('node-2', 1, now, Duration.ofMinutes(1), 1).isEmpty()

        when:
        def done = store().completeAndClaim(first, new ChunkOutcome(new byte[10], 2, 0, 1, false, null), now, 1,
                Duration.ofMinutes(1), 1)

        then:
        done.stored()
        done.next()*.id() == [chunks[1].id()]
        done.next()[0].holder() == 'node-1'
        with(batches().find(tenant, id).get()) {
            batch().counters().chunksCompleted() == 1
            workersInUse() == 1
            output().usedBytes() == 10
        }
        claim('node-2', 1, now, Duration.ofMinutes(1), 1).isEmpty()
    }

    def 'a completion that no longer holds its chunk stores nothing and claims nothing'() {
        given:
        def chunks = (1..2).collect { aChunk(2) }
        def (tenant, id) = aLoneBatch(chunks)
        def lost = claim('node-1', 1, now, Duration.ofSeconds(10))[0]
        def retaken = claim('node-2', 1, now.plusSeconds(11), Duration.ofSeconds(10))[0]

        when:
        def done = store().completeAndClaim(lost, new ChunkOutcome(new byte[10], 2, 0, 1, false, null),
                now.plusSeconds(12), 1, Duration.ofSeconds(10), LARGE_POOL)

        then:
        retaken.id() == lost.id()
        !done.stored()
        done.next().isEmpty()
        batches().find(tenant, id).get().batch().counters().chunksCompleted() == 0
        claim('node-3', 1, now.plusSeconds(12), Duration.ofSeconds(10))*.id() == [chunks[1].id()]
    }

    def 'a stored result moves bytes from the input to the output buffer and is taken exactly once'() {
        given:
        def id = anInProgressBatch()
        def chunk = aChunk(3)
        post(DEMO, id, [chunk])
        def claimed = claim('node-1', 1, now, Duration.ofMinutes(1))[0]
        store().complete(claimed, new ChunkOutcome(new byte[100], 3, 1, 7, false, null), now)

        expect:
        with(batches().find(DEMO, id).get()) {
            input().usedBytes() == 0
            output().usedBytes() == 100
            recordsAvailable() == 3
            batch().counters().recordsFailed() == 1
            batch().counters().computeTimeMillis() == 7
        }

        when:
        def taken = store().takeResults(DEMO, id, 10, now)

        then:
        taken*.id()*.value() == [chunk.id().value()]
        taken[0].result().length == 100
        store().takeResults(DEMO, id, 10, now).isEmpty()
        batches().find(DEMO, id).get().output().usedBytes() == 0
    }

    def 'results are taken in submission order, completed and failed chunks alike, whatever order they were computed in'() {
        given:
        def chunks = (1..5).collect { aChunk(2) }
        def (tenant, id) = aLoneBatch(chunks)
        def claimed = claim('node-1', 5, now, Duration.ofMinutes(1))
        [4, 1, 0, 3, 2].each { i ->
            def failed = i % 2 == 1
            store().complete(claimed[i], new ChunkOutcome(new byte[10], 2, failed ? 2 : 0, 1, failed, failed ? 'boom' : null), now)
        }

        expect:
        claimed*.id() == chunks*.id()
        store().takeResults(tenant, id, 2, now)*.id() == chunks[0..1]*.id()
        store().takeResults(tenant, id, 2, now)*.id() == chunks[2..3]*.id()
        store().takeResults(tenant, id, 2, now)*.id() == [chunks[4].id()]
        store().takeResults(tenant, id, 2, now).isEmpty()
    }

    def 'a chunk whose lease expired is claimed again before queued ones, even older ones'() {
        given:
        def chunks = (1..2).collect { aChunk(2) }
        def (tenant, id) = aLoneBatch(chunks)
        def held = claim('node-1', 2, now, Duration.ofSeconds(10))
        store().retry(held[0], 'try again', now)

        expect:
        claim('node-2', 1, now.plusSeconds(11), Duration.ofSeconds(10))*.id() == [chunks[1].id()]
        claim('node-2', 1, now.plusSeconds(11), Duration.ofSeconds(10))*.id() == [chunks[0].id()]
    }

    def 'concurrent completions lose no counter update'() {
        given:
        def id = anInProgressBatch()
        post(DEMO, id, (1..30).collect { aChunk(2) })
        def claimed = claim('node-1', 30, now, Duration.ofMinutes(1))
        def executor = Executors.newFixedThreadPool(4)

        when:
        claimed.collect { c -> executor.submit({ store().complete(c, new ChunkOutcome(new byte[10], 2, 0, 1, false, null), now) } as Callable) }*.get()

        then:
        with(counters(id)) {
            chunksCompleted() == 30
            recordsCompleted() == 60
            computeTimeMillis() == 30
        }
        batches().find(DEMO, id).get().output().usedBytes() == 300

        cleanup:
        executor.shutdownNow()
    }

    def 'a retried chunk goes back to the queue'() {
        given:
        def id = anInProgressBatch()
        post(DEMO, id, [aChunk(2)])
        def claimed = claim('node-1', 1, now, Duration.ofMinutes(1))[0]

        when:
        store().retry(claimed, 'boom', now)

        then:
        counters(id).chunksRetried() == 1
        claim('node-2', 1, now, Duration.ofMinutes(1))[0].attempt() == 2
    }

    def 'a status change is written only from the status it was decided from'() {
        given:
        def id = anInProgressBatch()
        def batch = batches().find(DEMO, id).get().batch()

        expect:
        batches().updateStatus(batch.close(now), BatchStatus.CREATED)
        !batches().updateStatus(batch.cancel(now), BatchStatus.CREATED)
        batches().find(DEMO, id).get().batch().status() == BatchStatus.CLOSED
    }

    def 'discarding empties both buffers at once'() {
        given:
        def id = anInProgressBatch()
        post(DEMO, id, [aChunk(2), aChunk(2)])
        def claimed = claim('node-1', 1, now, Duration.ofMinutes(1))[0]
        store().complete(claimed, new ChunkOutcome(new byte[10], 2, 0, 1, false, null), now)

        when:
        store().discard(DEMO, id)

        then:
        with(batches().find(DEMO, id).get()) {
            input().usedBytes() == 0
            output().usedBytes() == 0
        }
        store().takeResults(DEMO, id, 10, now).isEmpty()
    }

    def 'releasing a holder gives its chunks back without counting an attempt'() {
        given:
        def id = anInProgressBatch()
        post(DEMO, id, [aChunk(2)])
        def held = claim(node, 1, now, Duration.ofMinutes(1))[0]

        expect:
        store().releaseAll(node) >= 1
        claim(node + '-2', 100, now, Duration.ofMinutes(1)).find { it.id() == held.id() }.attempt() == 1
    }

    def 'a tenant never holds more workers than its pool, however many batches wait'() {
        given:
        def tenant = aTenant()
        def batches = (1..3).collect { aBatchWithChunks(tenant, 5) }

        when:
        def claimed = claim('node-1', 100, now, Duration.ofMinutes(1), 4)

        then:
        perBatch(claimed, batches).values().sum() == 4
        claim('node-2', 100, now, Duration.ofMinutes(1), 4).count { it.tenant() == tenant } == 0
    }

    def 'competing batches share the tenant pool equally, one claim at a time'() {
        given:
        def tenant = aTenant()
        def first = aBatchWithChunks(tenant, 10)
        def second = aBatchWithChunks(tenant, 10)

        when:
        def claimed = (1..200).collectMany { claim("node-$it", 1, now, Duration.ofMinutes(1), 6) }

        then:
        perBatch(claimed, [first, second]) == [(first): 3, (second): 3]
    }

    def 'a batch capped by its max_workers leaves the rest of the pool to the others'() {
        given:
        def tenant = aTenant()
        def capped = aBatchWithChunks(tenant, 10, [maxWorkers: 1, initialWorkers: 1])
        def open = aBatchWithChunks(tenant, 10)

        expect:
        perBatch(claim('node-1', 100, now, Duration.ofMinutes(1), 5), [capped, open]) == [(capped): 1, (open): 4]
    }

    def 'a batch that holds the whole pool claims no more once another batch arrives, so the shares even out'() {
        given:
        def tenant = aTenant()
        def early = aBatchWithChunks(tenant, 10)
        def held = claim('node-1', 100, now, Duration.ofMinutes(1), 2).findAll { it.batch() == early }
        def late = aBatchWithChunks(tenant, 10)

        expect: 'the pool is spent'
        held.size() == 2
        claim('node-1', 100, now, Duration.ofMinutes(1), 2).count { it.tenant() == tenant } == 0

        when: 'one of the early batch\'s chunks finishes'
        store().complete(held[0], new ChunkOutcome(new byte[10], 2, 0, 1, false, null), now)
        def next = claim('node-1', 100, now, Duration.ofMinutes(1), 2).findAll { it.tenant() == tenant }

        then: 'the freed worker goes to the late batch'
        next*.batch() == [late]
    }

    def 'a chunk whose lease expired holds no worker of the pool'() {
        given:
        def tenant = aTenant()
        def id = aBatchWithChunks(tenant, 4)
        claim('node-1', 100, now, Duration.ofSeconds(10), 2)

        when:
        def again = claim('node-2', 100, now.plusSeconds(11), Duration.ofSeconds(10), 2).findAll { it.batch() == id }

        then:
        again.size() == 2
        again.every { it.attempt() == 2 }
    }

    def 'concurrent nodes never exceed the tenant pool, and share it between the batches'() {
        given:
        def tenant = aTenant()
        def first = aBatchWithChunks(tenant, 20)
        def second = aBatchWithChunks(tenant, 20)
        def executor = Executors.newFixedThreadPool(6)

        when:
        def claimed = (1..6).collect { n ->
            executor.submit({ (1..30).collectMany { claim("$node-$n", 1, now, Duration.ofMinutes(1), 5) } } as Callable)
        }*.get().flatten() as List<ClaimedChunk>
        def shares = perBatch(claimed, [first, second])

        then:
        shares.values().sum() == 5
        shares.values().toSorted() == [2, 3]

        cleanup:
        executor.shutdownNow()
    }

    def 'workers completing and claiming at once while posts arrive finish every chunk once, without a deadlock'() {
        given: 'two batches of one tenant whose pool of 3 four workers compete for'
        noOtherBatchRunning()
        def tenant = aTenant()
        def ids = [anInProgressBatch(tenant: tenant), anInProgressBatch(tenant: tenant)]
        def executor = Executors.newFixedThreadPool(5)
        def done = Collections.synchronizedList([])
        def posting = new AtomicBoolean(true)

        when: 'one thread posts 40 chunks while four workers loop: claim, then complete-and-claim until nothing is left'
        def poster = executor.submit({
            try {
                (1..20).each { ids.each { id -> post(tenant, id, [aChunk(2)]) } }
            } finally {
                posting.set(false)
            }
        } as Callable)
        def workers = (1..4).collect { n ->
            executor.submit({
                int idle = 0
                List<ClaimedChunk> next = []
                while (posting.get() || idle < 20) {
                    def held = next ?: claim("$node-$n", 1, now, Duration.ofMinutes(1), 3)
                    if (held.isEmpty()) {
                        idle++
                        Thread.sleep(5)
                        continue
                    }
                    idle = 0
                    def result = store().completeAndClaim(held[0], new ChunkOutcome(new byte[4], 2, 0, 1, false, null), now,
                            1, Duration.ofMinutes(1), 3)
                    assert result.stored()
                    done << held[0].id()
                    next = result.next()
                }
            } as Callable)
        }
        poster.get()
        workers*.get()

        then: 'every chunk was computed exactly once, and nothing is left under a lease'
        done.size() == 40
        done.toSet().size() == 40
        ids.every { id -> batches().find(tenant, id).get().batch().counters().chunksCompleted() == 20 }
        ids.every { id -> batches().find(tenant, id).get().workersInUse() == 0 }

        cleanup:
        executor.shutdownNow()
    }

    def 'the tenant buffer pool admits only with 110% headroom and never overdraws'() {
        given:
        def tenant = TenantId.of("pool-${UUID.randomUUID().toString().substring(0, 8)}")
        def executor = Executors.newFixedThreadPool(4)

        expect:
        pool().tryReserve(tenant, 600, 110, 1000)
        !pool().tryReserve(tenant, 400, 110, 1000)
        pool().tryReserve(tenant, 300, 110, 1000)

        when:
        pool().release(tenant, 900)
        def admitted = (1..8).collect { executor.submit({ pool().tryReserve(tenant, 200, 110, 1000) } as Callable) }*.get()

        then:
        admitted.count { it } == 4
        pool().reservedBytes(tenant) == 800

        cleanup:
        executor.shutdownNow()
    }
}
