package io.sluice.domain.record

import spock.lang.Specification

class OutputSelectionSpec extends Specification {

    static final outputs = ['total', 'value_a', 'value_b', 'valuation_by_x', 'tax_total']

    def 'entries select names and whole-name regular expressions in the service order: #entries'() {
        expect:
        OutputSelection.of(entries).select(outputs) == kept

        where:
        entries                        | kept
        ['total']                      | ['total']
        ['value_.*']                   | ['value_a', 'value_b']
        ['valuation_by_.*', 'total']   | ['total', 'valuation_by_x']
        ['tot']                        | []
        []                             | outputs
        null                           | outputs
    }

    def 'no entries keeps every output'() {
        expect:
        OutputSelection.of([]).keepsAll()
        OutputSelection.all().keepsAll()
        OutputSelection.all().entries().isEmpty()
        OutputSelection.all().toString() == 'all outputs'
    }

    def 'a selection is a value'() {
        expect:
        OutputSelection.of(['a']) == OutputSelection.of(['a'])
        OutputSelection.of(['a']).hashCode() == OutputSelection.of(['a']).hashCode()
        OutputSelection.of(['a']) != OutputSelection.of(['b'])
        OutputSelection.of(['a']).toString() == 'outputs [a]'
    }

    def 'a malformed entry is refused naming it: #entry'() {
        when:
        OutputSelection.of([entry])

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(message)

        where:
        entry    | message
        'value_[' | "'value_['"
        ' '      | 'blank'
    }
}
