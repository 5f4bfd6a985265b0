package io.sluice.client.batch

import spock.lang.Specification

class ChunkLimitsSpec extends Specification {

    def 'the default is 10,000 records or 1 MiB'() {
        expect:
        ChunkLimits.DEFAULT == new ChunkLimits(10_000, 1_048_576)
        ChunkLimits.ofRecords(500) == new ChunkLimits(500, 1_048_576)
    }

    def 'a chunk holds at least one record and one byte'() {
        when:
        new ChunkLimits(records, bytes)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(what)

        where:
        records | bytes || what
        0       | 100   || 'chunk size must be at least 1 record, was 0'
        -5      | 100   || 'was -5'
        10      | 0     || 'byte limit must be at least 1, was 0'
    }
}
