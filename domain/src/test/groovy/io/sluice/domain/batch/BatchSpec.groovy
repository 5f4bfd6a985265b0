package io.sluice.domain.batch

import io.sluice.domain.IllegalStateTransitionException
import io.sluice.domain.buffer.BufferAccount
import io.sluice.domain.buffer.BufferFullException
import spock.lang.Specification

import java.time.Duration

import static io.sluice.domain.batch.BatchFixtures.*
import static io.sluice.domain.batch.BatchStatus.*

class BatchSpec extends Specification {

    static final Duration TIMEOUT = Batch.INACTIVITY_TIMEOUT

    def 'a new batch is created, not yet admitted, without chunks'() {
        when:
        def batch = aNewBatch()

        then:
        batch.status() == CREATED
        !batch.isAdmitted()
        batch.counters() == BatchCounters.ZERO
        batch.timestamps().created() == T0
        batch.timestamps().lastActivity() == T0
        batch.version() == 0
    }

    def 'admitting a new batch keeps it created and starts its inactivity clock'() {
        when:
        def batch = aNewBatch().admit(at(1))

        then:
        batch.status() == CREATED
        batch.isAdmitted()
        batch.timestamps().admitted() == at(1)
        batch.timestamps().lastActivity() == at(1)
    }

    def 'a pending batch holds no buffers and becomes created when admitted'() {
        given:
        def pending = aNewBatch().pend(at(1))

        expect:
        pending.status() == PENDING
        !pending.isAdmitted()

        when:
        def admitted = pending.admit(at(7))

        then:
        admitted.status() == CREATED
        admitted.timestamps().admitted() == at(7)
    }

    def 'the first accepted chunks start the batch and count'() {
        when:
        def batch = aCreatedBatch().acceptChunks(2, 7, 700, at(1))

        then:
        batch.status() == IN_PROGRESS
        batch.timestamps().started() == at(1)
        batch.counters().chunksSubmitted() == 2
        batch.counters().recordsSubmitted() == 7
    }

    def 'accepted chunks occupy the input buffer'() {
        expect:
        anInProgressBatch().inputBuffer().usedBytes() == 700
        anInProgressBatch().inputBuffer().remainingBytes() == 70_000_000 - 700
    }

    def 'a post that does not fit the input buffer is refused whole and changes nothing'() {
        given:
        def batch = aCreatedBatchWithBuffers(1000, 1000).acceptChunks(1, 1, 600, at(1))

        when:
        batch.acceptChunks(2, 2, 401, at(2))

        then:
        def e = thrown(BufferFullException)
        e.remainingBytes() == 400
        batch.counters().chunksSubmitted() == 1
        batch.inputBuffer().usedBytes() == 600
    }

    def 'a computed chunk moves from the input buffer to the output buffer as its result'() {
        when:
        def batch = anInProgressBatch().recordChunkCompleted(2, 0, 3, 200, 120, at(2))

        then:
        batch.inputBuffer().usedBytes() == 500
        batch.outputBuffer().usedBytes() == 120
    }

    def 'a result that does not fit the output buffer is refused and changes nothing'() {
        given:
        def batch = aCreatedBatchWithBuffers(1000, 100).acceptChunks(1, 2, 200, at(1))

        when:
        batch.recordChunkCompleted(2, 0, 3, 200, 101, at(2))

        then:
        thrown(BufferFullException)
        batch.counters().chunksCompleted() == 0
    }

    def 'a failed chunk still delivers its result, an error for every record'() {
        when:
        def batch = anInProgressBatch().recordChunkFailed(5, 9, 500, 300, at(2))

        then:
        batch.counters().chunksFailed() == 1
        batch.counters().recordsFailed() == 5
        batch.inputBuffer().usedBytes() == 200
        batch.outputBuffer().usedBytes() == 300
    }

    def 'fetched results leave the output buffer'() {
        when:
        def batch = anInProgressBatch().recordChunkCompleted(2, 0, 3, 200, 120, at(2)).recordResultsFetched(1, 120, at(3))

        then:
        batch.outputBuffer().usedBytes() == 0
        batch.counters().chunksAvailable() == 0
    }

    def 'cancelling discards both buffers at once'() {
        when:
        def batch = anInProgressBatch().recordChunkCompleted(2, 0, 3, 200, 120, at(2)).cancel(at(3))

        then:
        batch.inputBuffer().usedBytes() == 0
        batch.outputBuffer().usedBytes() == 0
    }

    def 'stored buffers must match the configuration'() {
        given:
        def b = aCreatedBatch()

        when:
        new Batch(b.id(), b.tenant(), b.owner(), b.service(), b.configuration(), b.status(), b.counters(),
                BufferAccount.empty(1), b.outputBuffer(), b.timestamps(), 0)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "a batch's buffers are allocated as its configuration says"
    }

    def 'later chunks add up and move the last activity, not the start'() {
        when:
        def batch = anInProgressBatch().acceptChunks(1, 3, 300, at(9))

        then:
        batch.status() == IN_PROGRESS
        batch.timestamps().started() == at(1)
        batch.timestamps().lastActivity() == at(9)
        batch.counters().chunksSubmitted() == 3
        batch.counters().recordsSubmitted() == 10
    }

    def 'a batch that is #status accepts no chunks'() {
        given:
        def batch = aBatchIn(status)

        when:
        batch.acceptChunks(1, 1, 100, at(10))

        then:
        def e = thrown(BatchNotAcceptingChunksException)
        e.status() == status
        e.batch() == batch.id()
        e.message.contains("is ${status.wireName()} and accepts no chunks")

        where:
        status << BatchStatus.values().findAll { !it.acceptsChunks() }
    }

    def 'a created batch not yet admitted accepts no chunks'() {
        when:
        aNewBatch().acceptChunks(1, 1, 100, at(1))

        then:
        thrown(BatchNotAcceptingChunksException)
    }

    def 'a pending batch is told it waits for room'() {
        when:
        aPendingBatch().acceptChunks(1, 1, 100, at(1))

        then:
        def e = thrown(BatchNotAcceptingChunksException)
        e.message.endsWith('until its tenant has room for its buffers')
    }

    def 'transitions leave the original batch as it was'() {
        given:
        def batch = anInProgressBatch()

        when:
        batch.close(at(3))

        then:
        batch.status() == IN_PROGRESS
        batch.timestamps().closed() == null
    }

    def 'closing records when intake stopped and ending records when the batch finished'() {
        when:
        def closed = anInProgressBatch().close(at(3))
        def cancelled = closed.cancel(at(4))

        then:
        closed.timestamps().closed() == at(3)
        closed.timestamps().finished() == null
        cancelled.timestamps().closed() == at(3)
        cancelled.timestamps().finished() == at(4)
    }

    def 'a closed batch completes once every accepted chunk is computed and fetched'() {
        given:
        def closed = aClosedBatch()

        when:
        def computed = closed.recordChunkCompleted(2, 0, 3, 200, 100, at(3)).recordChunkCompleted(5, 1, 4, 500, 250, at(3))

        then:
        computed.settle(at(3)).status() == CLOSED
        computed.recordResultsFetched(1, 100, at(4)).settle(at(4)).status() == CLOSED

        when:
        def done = computed.recordResultsFetched(2, 350, at(5)).settle(at(5))

        then:
        done.status() == COMPLETED
        done.timestamps().finished() == at(5)
        done.counters().recordsFailed() == 1
        done.counters().computeTimeMillis() == 7
    }

    def 'a closed batch does not complete while chunks are still being computed'() {
        expect:
        aClosedBatch().recordChunkCompleted(2, 0, 3, 200, 100, at(3)).recordResultsFetched(1, 100, at(4))
                .settle(at(4)).status() == CLOSED
    }

    def 'a closed batch without chunks completes at once'() {
        expect:
        aCreatedBatch().close(at(1)).settle(at(1)).status() == COMPLETED
    }

    def 'a batch fails when more than the acceptable percentage of its chunks failed: #failed of 10 failed, #acceptable% acceptable'() {
        given:
        def configuration = BatchConfiguration.from(new BatchConfiguration.Requested(
                null, null, null, null, null, null, acceptable, null, null, null, null, null))
        def batch = aNewBatch(configuration).admit(T0).acceptChunks(10, 10, 1000, at(1)).close(at(2))
        failed.times { batch = batch.recordChunkFailed(1, 1, 100, 50, at(3)) }
        (10 - failed).times { batch = batch.recordChunkCompleted(1, 0, 1, 100, 50, at(3)) }

        when:
        def settled = batch.recordResultsFetched(10, 500, at(4)).settle(at(4))

        then:
        settled.status() == status

        where:
        acceptable | failed || status
        0          | 0      || COMPLETED
        0          | 1      || FAILED
        10         | 1      || COMPLETED
        10         | 2      || FAILED
        100        | 10     || COMPLETED
    }

    def 'a batch closed by timeout completes by timeout once every chunk is computed, fetched or not'() {
        given:
        def batch = aClosedByTimeoutBatch().recordChunkCompleted(2, 0, 3, 200, 100, at(32))

        expect:
        batch.settle(at(32)).status() == CLOSED_BY_TIMEOUT
        batch.recordChunkCompleted(5, 0, 3, 500, 250, at(33)).settle(at(33)).status() == COMPLETED_BY_TIMEOUT
    }

    def 'a batch closed by timeout with too many failed chunks fails'() {
        expect:
        aClosedByTimeoutBatch().recordChunkFailed(2, 0, 200, 100, at(32)).recordChunkCompleted(5, 0, 3, 500, 250, at(33))
                .settle(at(33)).status() == FAILED
    }

    def 'settling leaves a batch that is #status unchanged'() {
        given:
        def batch = aBatchIn(status)

        expect:
        batch.settle(at(50)).is(batch)

        where:
        status << [CREATED, PENDING, IN_PROGRESS, COMPLETED, COMPLETED_BY_TIMEOUT, FAILED, CANCELLED]
    }

    def 'thirty minutes without a chunk posted closes a batch by timeout'() {
        given:
        def batch = anInProgressBatch()

        expect:
        batch.timeOutIfInactive(at(30), TIMEOUT).status() == IN_PROGRESS
        !batch.isInactiveAt(at(31).minusMillis(1), TIMEOUT)
        batch.isInactiveAt(at(31), TIMEOUT)

        when:
        def timedOut = batch.timeOutIfInactive(at(31), TIMEOUT)

        then:
        timedOut.status() == CLOSED_BY_TIMEOUT
        timedOut.timestamps().closed() == at(31)
    }

    def 'fetching results keeps a batch alive'() {
        given:
        def batch = anInProgressBatch().recordChunkCompleted(2, 0, 1, 200, 100, at(2)).recordResultsFetched(1, 100, at(20))

        expect:
        batch.timeOutIfInactive(at(49), TIMEOUT).status() == IN_PROGRESS
        batch.timeOutIfInactive(at(50), TIMEOUT).status() == CLOSED_BY_TIMEOUT
    }

    def 'a closed batch whose results nobody fetches for thirty minutes is closed by timeout'() {
        expect:
        aClosedBatch().timeOutIfInactive(at(31), TIMEOUT).status() == CLOSED_BY_TIMEOUT
    }

    def 'an admitted created batch times out thirty minutes after its admission'() {
        given:
        def batch = aNewBatch().admit(at(10))

        expect:
        batch.timeOutIfInactive(at(39), TIMEOUT).status() == CREATED
        batch.timeOutIfInactive(at(40), TIMEOUT).status() == CLOSED_BY_TIMEOUT
    }

    def 'a batch that is #status never times out'() {
        expect:
        !aBatchIn(status).isInactiveAt(at(600), TIMEOUT)

        where:
        status << [PENDING, CLOSED_BY_TIMEOUT, COMPLETED, COMPLETED_BY_TIMEOUT, FAILED, CANCELLED]
    }

    def 'the inactivity timeout is a parameter'() {
        expect:
        anInProgressBatch().timeOutIfInactive(at(6), Duration.ofMinutes(5)).status() == CLOSED_BY_TIMEOUT
    }

    def 'retries are counted without changing what was submitted'() {
        when:
        def batch = anInProgressBatch().recordChunkRetried(5, at(2))

        then:
        batch.counters().chunksRetried() == 1
        batch.counters().recordsRetried() == 5
        batch.counters().chunksSubmitted() == 2
        batch.counters().chunksInFlight() == 2
    }

    def 'admitting an admitted batch is refused'() {
        when:
        aCreatedBatch().admit(at(1))

        then:
        def e = thrown(IllegalStateTransitionException)
        e.from() == CREATED
        e.to() == CREATED
    }

    def 'pending gives back an admission'() {
        expect:
        !aCreatedBatch().pend(at(1)).isAdmitted()
    }

    def 'a batch is restored from its stored fields'() {
        given:
        def original = aClosedBatch()

        when:
        def restored = new Batch(original.id(), original.tenant(), original.owner(), original.service(),
                original.configuration(), original.status(), original.counters(), original.inputBuffer(),
                original.outputBuffer(), original.timestamps(), 7)

        then:
        restored.status() == CLOSED
        restored.version() == 7
        restored.cancel(at(3)).version() == 7
        restored.id() == original.id()
    }
}
