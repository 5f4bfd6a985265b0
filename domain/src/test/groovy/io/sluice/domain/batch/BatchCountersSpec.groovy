package io.sluice.domain.batch

import spock.lang.Specification

class BatchCountersSpec extends Specification {

    def 'counters follow chunks from submission to fetch'() {
        when:
        def counters = BatchCounters.ZERO.submitted(3, 30)
                .chunkCompleted(10, 2, 40)
                .chunkFailed(10, 5)
                .fetched(1)

        then:
        counters.chunksComputed() == 2
        counters.chunksInFlight() == 1
        counters.chunksAvailable() == 1
        counters.recordsCompleted() == 10
        counters.recordsFailed() == 12
        counters.computeTimeMillis() == 45
        !counters.allComputed()
        !counters.allComputedAndFetched()
    }

    def 'every accepted chunk computed and fetched'() {
        expect:
        BatchCounters.ZERO.submitted(1, 1).chunkCompleted(1, 0, 1).fetched(1).allComputedAndFetched()
        BatchCounters.ZERO.allComputedAndFetched()
    }

    def 'the failure share compares failed chunks with accepted ones: #failed of #submitted over #percentage%'() {
        given:
        def counters = BatchCounters.ZERO.submitted(submitted, submitted)
        failed.times { counters = counters.chunkFailed(1, 0) }

        expect:
        counters.failedMoreThan(percentage) == exceeded

        where:
        submitted | failed | percentage || exceeded
        0         | 0      | 0          || false
        3         | 1      | 33         || true
        3         | 1      | 34         || false
        4         | 1      | 25         || false
    }

    def 'counters that cannot be are refused: #counters'() {
        when:
        new BatchCounters(*counters)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith(message)

        where:
        counters                         | message
        [-1, 0, 0, 0, 0, 0, 0, 0, 0, 0] | 'batch counters must not be negative'
        [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]  | 'more chunks computed (2) than submitted (1)'
        [1, 1, 0, 0, 2, 0, 0, 0, 0, 0]  | 'more chunks fetched (2) than computed (1)'
    }
}
