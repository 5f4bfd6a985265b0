package io.sluice.domain.record

import spock.lang.Specification

class RecordOutcomeSpec extends Specification {

    def 'an outcome keeps the output order and fails only with errors'() {
        given:
        def fine = new RecordOutcome([b: 1, a: 2], [new Warning('price', 'default used')], [], 10)
        def broken = new RecordOutcome([total: '#DIV/0!'], [], [RecordError.calculation('total', '#DIV/0!')], 10)

        expect:
        fine.outputs().keySet() as List == ['b', 'a']
        !fine.failed()
        broken.failed()
        broken.errors()[0].errorCategory() == RecordError.CALCULATION_ERROR
        broken.errors()[0].errorType() == '#DIV/0!'
    }
}
