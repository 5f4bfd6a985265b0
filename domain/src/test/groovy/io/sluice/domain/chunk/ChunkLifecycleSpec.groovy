package io.sluice.domain.chunk

import io.sluice.domain.IllegalStateTransitionException
import spock.lang.Specification

import static io.sluice.domain.chunk.ChunkFixtures.*
import static io.sluice.domain.chunk.ChunkStatus.*

class ChunkLifecycleSpec extends Specification {

    /** The lifecycle, written out independently of the enum that implements it. */
    static final Set<List<ChunkStatus>> LEGAL = [
            [QUEUED, PROCESSING], [PROCESSING, QUEUED], [PROCESSING, COMPLETED], [PROCESSING, FAILED]] as Set

    /**
     * Each target is reached by one named step: queued again by a failed attempt with attempts left,
     * failed by one without (the chunk's own attempts are the limit).
     */
    static Chunk moveTo(Chunk chunk, ChunkStatus target) {
        switch (target) {
            case QUEUED: return chunk.failAttempt(NODE, 'boom', at(10), chunk.attempts() + 1)
            case PROCESSING: return chunk.claim(NODE, at(10), LEASE)
            case COMPLETED: return chunk.complete(NODE, at(10))
            case FAILED: return chunk.failAttempt(NODE, 'boom', at(10), Math.max(1, chunk.attempts()))
        }
        throw new IllegalArgumentException(target.name())
    }

    def 'the lifecycle allows exactly the legal moves: #from -> #to'() {
        expect:
        from.canTransitionTo(to) == ([from, to] in LEGAL)

        where:
        [from, to] << [ChunkStatus.values(), ChunkStatus.values()].combinations()
    }

    def 'a chunk that is #from moves to #to through its named step'() {
        expect:
        moveTo(aChunkIn(from), to).status() == to

        where:
        [from, to] << LEGAL
    }

    def 'a chunk that is #from refuses to move to #to, naming both'() {
        when:
        moveTo(from == QUEUED && to == FAILED ? aRetriedChunk() : aChunkIn(from), to)

        then:
        def e = thrown(IllegalStateTransitionException)
        e.from() == from
        e.to() == to
        e.subject() == 'chunk'

        where:
        [from, to] << [ChunkStatus.values(), ChunkStatus.values()].combinations().findAll { !(it in LEGAL) }
    }

    def 'every fixture is in the status it is named after: #status'() {
        expect:
        aChunkIn(status).status() == status

        where:
        status << ChunkStatus.values()
    }

    def 'a submitted chunk is queued and never attempted'() {
        when:
        def chunk = aQueuedChunk()

        then:
        chunk.status() == QUEUED
        chunk.attempts() == 0
        chunk.lease() == null
        chunk.finished() == null
        chunk.recordCount() == 7
        chunk.byteSize() == 420
    }

    def 'claiming leases the chunk to a node and counts an attempt'() {
        when:
        def chunk = aQueuedChunk().claim('node-b', at(1), LEASE)

        then:
        chunk.status() == PROCESSING
        chunk.attempts() == 1
        chunk.lease() == new Lease('node-b', at(1) + LEASE)
    }

    def 'the holder completes the chunk and gives up its lease'() {
        when:
        def chunk = aClaimedChunk().complete(NODE, at(4))

        then:
        chunk.status() == COMPLETED
        chunk.lease() == null
        chunk.finished() == at(4)
    }

    def 'a failed attempt with attempts left queues the chunk again, remembering why'() {
        when:
        def chunk = aClaimedChunk().failAttempt(NODE, 'engine blew up', at(2), 3)

        then:
        chunk.status() == QUEUED
        chunk.attempts() == 1
        chunk.lease() == null
        chunk.lastFailure() == 'engine blew up'
        chunk.finished() == null
    }

    def 'the last failed attempt fails the chunk for good'() {
        given:
        def chunk = aQueuedChunk()
        2.times { chunk = chunk.claim(NODE, at(it), LEASE).failAttempt(NODE, 'boom', at(it), 3) }

        when:
        def last = chunk.claim(NODE, at(5), LEASE).failAttempt(NODE, 'boom', at(6), 3)

        then:
        chunk.status() == QUEUED
        last.status() == FAILED
        last.attempts() == 3
        last.finished() == at(6)
    }

    def 'an expired lease is taken back and the chunk queued again'() {
        given:
        def claimed = aClaimedChunk()
        def expiry = claimed.lease().expiresAt()

        expect:
        !claimed.isLeaseExpiredAt(expiry.minusMillis(1))
        claimed.isLeaseExpiredAt(expiry)

        when:
        def taken = claimed.expireLease(expiry, 3)

        then:
        taken.status() == QUEUED
        taken.lastFailure() == "the lease of node-a expired at ${expiry}"
        !taken.isLeaseExpiredAt(expiry)
    }

    def 'a lease that expires on the last attempt fails the chunk'() {
        given:
        def claimed = aClaimedChunk()

        expect:
        claimed.expireLease(claimed.lease().expiresAt(), 1).status() == FAILED
    }

    def 'a lease is not taken back before it expires'() {
        when:
        aClaimedChunk().expireLease(at(2), 3)

        then:
        def e = thrown(LeaseConflictException)
        e.message.contains('has not expired')
    }

    def 'only the lease holder may #step the chunk'() {
        given:
        def chunk = aClaimedChunk()

        when:
        action(chunk)

        then:
        def e = thrown(LeaseConflictException)
        e.chunk() == chunk.id()
        e.message.endsWith('node-b does not hold the lease; node-a does')

        where:
        step       | action
        'complete' | { Chunk c -> c.complete('node-b', at(3)) }
        'fail'     | { Chunk c -> c.failAttempt('node-b', 'boom', at(3), 3) }
    }

    def 'a retry limit below one attempt is refused'() {
        when:
        aClaimedChunk().failAttempt(NODE, 'boom', at(3), 0)

        then:
        thrown(IllegalArgumentException)
    }

    def 'a re-post with the same content is accepted and with other content is a conflict'() {
        given:
        def chunk = aQueuedChunk()

        when:
        chunk.checkRepost(ContentFingerprint.of('{"inputs":[["price"],[20]]}'))

        then:
        noExceptionThrown()

        when:
        chunk.checkRepost(ContentFingerprint.of('{"inputs":[["price"],[21]]}'))

        then:
        def e = thrown(ChunkConflictException)
        e.chunk() == chunk.id()
    }

    def 'a stored chunk must be consistent: #why'() {
        given:
        def q = aQueuedChunk()

        when:
        new Chunk(q.id(), q.tenant(), q.batch(), records, 1, q.fingerprint(), status, 1, lease, null, T0, finished, 0)

        then:
        thrown(IllegalArgumentException)

        where:
        why                           | records | status     | lease                      | finished
        'negative records'            | -1      | QUEUED     | null                       | null
        'processing without a lease'  | 1       | PROCESSING | null                       | null
        'queued with a lease'         | 1       | QUEUED     | new Lease(NODE, at(10))    | null
        'completed without a finish'  | 1       | COMPLETED  | null                       | null
        'queued with a finish'        | 1       | QUEUED     | null                       | T0
    }

    def 'chunk statuses have their wire names'() {
        expect:
        ChunkStatus.values()*.wireName() == ['queued', 'processing', 'completed', 'failed']
        ChunkStatus.values().findAll { it.isFinal() } == [COMPLETED, FAILED]
    }
}
