package io.sluice.domain.tenant

import io.sluice.domain.batch.BatchConfiguration
import io.sluice.domain.batch.BatchId
import spock.lang.Specification

import static io.sluice.domain.batch.BatchFixtures.*

class WorkerAllocationSpec extends Specification {

    static final BatchId A = new BatchId(UUID.fromString('00000000-0000-0000-0000-00000000000a'))
    static final BatchId B = new BatchId(UUID.fromString('00000000-0000-0000-0000-00000000000b'))
    static final BatchId C = new BatchId(UUID.fromString('00000000-0000-0000-0000-00000000000c'))

    static WorkerDemand demand(BatchId batch, int initial, int max, long needed) {
        new WorkerDemand(batch, initial, max, needed)
    }

    def 'a lone batch starts with its initial workers and grows as the pool allows, up to its max'() {
        expect:
        WorkerAllocation.allocate(pool, [demand(A, 10, 50, 1000)]).workersFor(A) == workers

        where:
        pool | workers
        5    | 5
        10   | 10
        30   | 30
        3000 | 50
    }

    def 'a batch never gets more workers than it can keep busy'() {
        expect:
        WorkerAllocation.allocate(100, [demand(A, 10, 50, 3)]).workersFor(A) == 3
        WorkerAllocation.allocate(100, [demand(A, 10, 50, 0)]).workersFor(A) == 0
    }

    def 'competing batches share the pool fairly'() {
        when:
        def allocation = WorkerAllocation.allocate(30, [demand(A, 10, 100, 1000), demand(B, 10, 100, 1000)])

        then:
        allocation.workersFor(A) == 15
        allocation.workersFor(B) == 15
        allocation.workersInUse() == 30
    }

    def 'what one batch cannot use goes to the others'() {
        when:
        def allocation = WorkerAllocation.allocate(30,
                [demand(A, 10, 100, 1000), demand(B, 10, 4, 1000), demand(C, 10, 100, 2)])

        then:
        allocation.asMap() == [(A): 24, (B): 4, (C): 2]
    }

    def 'initial workers come first, growth is shared after'() {
        when:
        def allocation = WorkerAllocation.allocate(14, [demand(A, 10, 100, 1000), demand(B, 2, 100, 1000)])

        then:
        allocation.workersFor(A) == 10
        allocation.workersFor(B) == 4
    }

    def 'a pool too small for every initial allocation is shared fairly, remainders in admission order'() {
        when:
        def allocation = WorkerAllocation.allocate(7,
                [demand(A, 10, 100, 1000), demand(B, 10, 100, 1000), demand(C, 10, 100, 1000)])

        then:
        allocation.asMap() == [(A): 3, (B): 2, (C): 2]
        allocation.workersInUse() == 7
    }

    def 'the total never exceeds the pool: #pool workers for #demands'() {
        when:
        def allocation = WorkerAllocation.allocate(pool, demands.withIndex().collect { d, i ->
            demand(new BatchId(new UUID(0, i)), d[0], d[1], d[2])
        })

        then:
        allocation.workersInUse() <= pool
        allocation.workersInUse() == Math.min(pool, demands.sum { Math.min(it[1], it[2]) } as int)

        where:
        pool | demands
        0    | [[10, 10, 10]]
        1    | [[10, 10, 10], [10, 10, 10]]
        17   | [[10, 30, 100], [1, 5, 100], [10, 100, 3], [3, 3000, 3000]]
        3000 | [[10, 3000, 5000], [10, 3000, 5000]]
    }

    def 'an unknown batch has no workers'() {
        expect:
        WorkerAllocation.allocate(10, []).workersFor(A) == 0
        WorkerAllocation.allocate(10, []).workersInUse() == 0
    }

    def 'a batch\'s demand counts the chunks waiting per worker'() {
        given:
        def configuration = BatchConfiguration.from(new BatchConfiguration.Requested(4, 20, 2, 3, null, null, null,
                null, null, null, null, null))
        def batch = aNewBatch(configuration).admit(T0).acceptChunks(13, 13, 1300, at(1))

        when:
        def demand = WorkerDemand.of(batch)

        then:
        demand.batch() == batch.id()
        demand.initialWorkers() == 4
        demand.maxWorkers() == 20
        demand.workersNeeded() == 3
        WorkerDemand.of(batch.cancel(at(2))).workersNeeded() == 0
        WorkerDemand.of(aCreatedBatch()).workersNeeded() == 0
    }

    def 'negative pools and demands are refused'() {
        when:
        WorkerAllocation.allocate(-1, [])

        then:
        thrown(IllegalArgumentException)

        when:
        demand(A, -1, 1, 1)

        then:
        thrown(IllegalArgumentException)
    }
}
