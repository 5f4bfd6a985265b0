package io.sluice.domain.batch

import spock.lang.Specification

class BatchIdSpec extends Specification {

    def 'a batch id is a UUID'() {
        given:
        def text = '4d3a06ea-dda4-458c-9036-423a2b74e5cd'

        expect:
        BatchId.of(text).toString() == text
        BatchId.of(text) == new BatchId(UUID.fromString(text))
    }

    def 'anything else is refused naming it'() {
        when:
        BatchId.of('batch-1')

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "batch id 'batch-1' is not a UUID"
    }

    def 'a pinned service version needs its identities and a uri'() {
        when:
        new PinnedServiceVersion(UUID.randomUUID(), UUID.randomUUID(), ' ', 'x')

        then:
        thrown(IllegalArgumentException)
    }
}
