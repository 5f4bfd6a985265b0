package io.sluice.domain.batch

import io.sluice.domain.IllegalStateTransitionException
import spock.lang.Specification

import java.time.Instant

import static io.sluice.domain.batch.BatchFixtures.aBatchIn
import static io.sluice.domain.batch.BatchStatus.*

class BatchStatusSpec extends Specification {

    /** The status machine, written out independently of the enum that implements it. */
    static final Set<List<BatchStatus>> LEGAL = [
            [CREATED, PENDING], [CREATED, IN_PROGRESS], [CREATED, CLOSED], [CREATED, CLOSED_BY_TIMEOUT],
            [CREATED, FAILED], [CREATED, CANCELLED],
            [PENDING, CREATED], [PENDING, CLOSED], [PENDING, CANCELLED],
            [IN_PROGRESS, CLOSED], [IN_PROGRESS, CLOSED_BY_TIMEOUT], [IN_PROGRESS, FAILED], [IN_PROGRESS, CANCELLED],
            [CLOSED, CLOSED_BY_TIMEOUT], [CLOSED, COMPLETED], [CLOSED, FAILED], [CLOSED, CANCELLED],
            [CLOSED_BY_TIMEOUT, COMPLETED_BY_TIMEOUT], [CLOSED_BY_TIMEOUT, FAILED], [CLOSED_BY_TIMEOUT, CANCELLED],
    ] as Set

    static final Instant NOW = BatchFixtures.at(40)

    /** Each target status is reached by exactly one named transition. */
    static Batch moveTo(Batch batch, BatchStatus target) {
        switch (target) {
            case CREATED: return batch.admit(NOW)
            case PENDING: return batch.pend(NOW)
            case IN_PROGRESS: return batch.start(NOW)
            case CLOSED: return batch.close(NOW)
            case CLOSED_BY_TIMEOUT: return batch.closeByTimeout(NOW)
            case COMPLETED: return batch.complete(NOW)
            case COMPLETED_BY_TIMEOUT: return batch.completeByTimeout(NOW)
            case FAILED: return batch.fail(NOW)
            case CANCELLED: return batch.cancel(NOW)
        }
        throw new IllegalArgumentException(target.name())
    }

    def 'the status machine allows exactly the legal moves: #from -> #to'() {
        expect:
        from.canTransitionTo(to) == ([from, to] in LEGAL)

        where:
        [from, to] << [BatchStatus.values(), BatchStatus.values()].combinations()
    }

    def 'a batch that is #from moves to #to through its named transition'() {
        when:
        def moved = moveTo(aBatchIn(from), to)

        then:
        moved.status() == to
        moved.timestamps().updated() == NOW

        where:
        [from, to] << LEGAL
    }

    def 'a batch that is #from refuses to move to #to, naming both'() {
        given:
        def batch = aBatchIn(from)

        when:
        moveTo(batch, to)

        then:
        def e = thrown(IllegalStateTransitionException)
        e.from() == from
        e.to() == to
        e.subject() == 'batch'
        e.message == "a batch cannot go from ${from.wireName()} to ${to.wireName()}"

        where:
        [from, to] << [BatchStatus.values(), BatchStatus.values()].combinations().findAll { !(it in LEGAL) }
    }

    def 'every fixture is in the status it is named after: #status'() {
        expect:
        aBatchIn(status).status() == status

        where:
        status << BatchStatus.values()
    }

    def 'final statuses are the four ends'() {
        expect:
        BatchStatus.values().findAll { it.isFinal() } == [COMPLETED, COMPLETED_BY_TIMEOUT, FAILED, CANCELLED]
        BatchStatus.values().findAll { it.acceptsChunks() } == [CREATED, IN_PROGRESS]
        BatchStatus.values().findAll { it.isClosing() } == [CLOSED, CLOSED_BY_TIMEOUT]
    }

    def 'statuses have the wire names of the reference API: #wire'() {
        expect:
        BatchStatus.fromWireName(wire).wireName() == wire

        where:
        wire << ['created', 'pending', 'in_progress', 'closed', 'closed_by_timeout', 'completed',
                 'completed_by_timeout', 'failed', 'cancelled']
    }

    def 'an unknown wire name is refused listing the known ones'() {
        when:
        BatchStatus.fromWireName('done')

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith("unknown batch status 'done'; known: created")
    }
}
