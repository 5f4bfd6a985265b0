package io.sluice.domain.tenant

import io.sluice.domain.batch.Batch
import io.sluice.domain.batch.BatchConfiguration
import io.sluice.domain.batch.BatchId
import io.sluice.domain.batch.BatchStatus
import spock.lang.Specification

import java.time.Duration

import static io.sluice.domain.batch.BatchFixtures.*

class TenantCapacitySpec extends Specification {

    /** A pool of 1000 bytes; the batches below take 100 (input 40 + output 60) each. */
    static final TenantCapacity CAPACITY = new TenantCapacity(DEMO, 1000, 20)

    static Batch aSmallBatch(int createdAtMinute = 0, long totalBytes = 100) {
        def configuration = BatchConfiguration.from(new BatchConfiguration.Requested(null, null, null, null,
                totalBytes * 0.4d / 1e6d, totalBytes * 0.6d / 1e6d, null, null, null, null, null, null))
        Batch.create(new BatchId(UUID.randomUUID()), DEMO, 'ann', SALES, configuration, at(createdAtMinute))
    }

    def 'a batch is admitted when 110% of its buffers are free: #free bytes free'() {
        given:
        def configuration = aSmallBatch().configuration()

        expect:
        TenantCapacity.fits(configuration, free) == admitted

        where:
        free | admitted
        109  | false
        110  | true
        1000 | true
    }

    def 'an admitted batch holds its buffers until two minutes after it ends'() {
        given:
        def batch = aSmallBatch().admit(T0).cancel(at(10))

        expect:
        CAPACITY.reservedBytes([batch], at(11)) == 100
        CAPACITY.reservedBytes([batch], at(12).minusMillis(1)) == 100
        CAPACITY.reservedBytes([batch], at(12)) == 0
        TenantCapacity.BUFFER_RELEASE_DELAY == Duration.ofMinutes(2)
    }

    def 'a pending batch holds no buffers'() {
        expect:
        CAPACITY.reservedBytes([aSmallBatch().pend(T0)], T0) == 0
        CAPACITY.freeBytes([aSmallBatch().pend(T0)], T0) == 1000
    }

    def 'a running, closed or timed-out batch holds its buffers: #status'() {
        given:
        def batch = aSmallBatch().admit(T0)
        def moved = status == BatchStatus.IN_PROGRESS ? batch.start(at(1))
                : status == BatchStatus.CLOSED ? batch.close(at(1)) : batch.closeByTimeout(at(1))

        expect:
        CAPACITY.reservedBytes([moved], at(500)) == 100

        where:
        status << [BatchStatus.IN_PROGRESS, BatchStatus.CLOSED, BatchStatus.CLOSED_BY_TIMEOUT]
    }

    def 'a new batch is admitted when it fits'() {
        given:
        def running = (1..8).collect { aSmallBatch().admit(T0) }

        when:
        def batch = CAPACITY.admitOrPend(aSmallBatch(1), running, at(1))

        then:
        batch.status() == BatchStatus.CREATED
        batch.isAdmitted()
    }

    def 'a new batch waits as pending when 110% of its buffers are not free'() {
        given:
        def running = (1..9).collect { aSmallBatch().admit(T0) }

        when:
        def batch = CAPACITY.admitOrPend(aSmallBatch(1), running, at(1))

        then:
        CAPACITY.freeBytes(running, at(1)) == 100
        batch.status() == BatchStatus.PENDING
        !batch.isAdmitted()
    }

    def 'a new batch waits behind an older pending one even when it would fit'() {
        given:
        def running = (1..5).collect { aSmallBatch().admit(T0) }
        def waiting = aSmallBatch(0, 600).pend(T0)

        when:
        def batch = CAPACITY.admitOrPend(aSmallBatch(1), running + [waiting], at(1))

        then:
        batch.status() == BatchStatus.PENDING
    }

    def 'pending batches are admitted first come, first served, as buffers come back'() {
        given:
        def ended = (1..9).collect { aSmallBatch().admit(T0).cancel(at(1)) }
        def second = aSmallBatch(3).pend(at(3))
        def first = aSmallBatch(2).pend(at(2))
        def third = aSmallBatch(4, 300).pend(at(4))
        def all = ended + [second, first, third]

        expect:
        CAPACITY.admitPending(all, at(2)).isEmpty()

        when:
        def admitted = CAPACITY.admitPending(all, at(3))

        then:
        admitted*.id() == [first.id(), second.id(), third.id()]
        admitted.every { it.status() == BatchStatus.CREATED && it.timestamps().admitted() == at(3) }
    }

    def 'a small pending batch does not overtake a bigger one that waits longer'() {
        given:
        def running = (1..5).collect { aSmallBatch().admit(T0) }
        def big = aSmallBatch(1, 600).pend(at(1))
        def small = aSmallBatch(2).pend(at(2))

        expect:
        CAPACITY.admitPending(running + [big, small], at(3)).isEmpty()
    }

    def 'a batch that can never fit is refused at creation and does not block the queue'() {
        given:
        def huge = aSmallBatch(1, 950).pend(at(1))
        def small = aSmallBatch(2).pend(at(2))

        expect:
        !CAPACITY.canEverAdmit(huge.configuration())
        CAPACITY.canEverAdmit(small.configuration())
        CAPACITY.admitPending([huge, small], at(3))*.id() == [small.id()]
    }

    def 'the usage sums the buffers of the batches holding them'() {
        given:
        def running = aSmallBatch().admit(T0).acceptChunks(1, 1, 30, at(1))
        def pending = aSmallBatch().pend(T0)

        when:
        def usage = CAPACITY.usage([running, pending], at(2))

        then:
        usage == new TenantUsage(1000, 40, 30, 60, 0)
        usage.inputRemaining() == 10
        usage.outputRemaining() == 60
        usage.freeBytes() == 900
    }

    def 'another tenant\'s batch is never counted silently'() {
        given:
        def other = new TenantCapacity(TenantId.of('other'), 1000, 10)

        when:
        other.reservedBytes([aSmallBatch().admit(T0)], T0)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('belongs to tenant demo, not other')
    }

    def 'pools cannot be negative'() {
        when:
        new TenantCapacity(DEMO, -1, 0)

        then:
        thrown(IllegalArgumentException)
    }
}
