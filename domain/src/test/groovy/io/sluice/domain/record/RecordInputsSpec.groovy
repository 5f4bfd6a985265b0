package io.sluice.domain.record

import spock.lang.Specification

class RecordInputsSpec extends Specification {

    static final Set<String> SALES_INPUTS = ['price', 'quantity', 'tax'] as Set

    def 'each record gets its input columns plus the parameters'() {
        given:
        def table = RecordTable.of([['sale_id', 'price', 'quantity'], [1, 20, 65], [2, 74, 73]])

        when:
        def inputs = RecordInputs.bind(table, [tax: 0.1], SALES_INPUTS)

        then:
        inputs.recordCount() == 2
        inputs.names() == ['price', 'quantity', 'tax']
        inputs.asMap(0) == [price: 20, quantity: 65, tax: 0.1]
        inputs.asMap(1) == [price: 74, quantity: 73, tax: 0.1]
        inputs.value(1, 2) == 0.1
    }

    def 'a record\'s own column wins over a parameter of the same name'() {
        given:
        def table = RecordTable.of([['price', 'tax'], [20, 0.2], [30, 0.3]])

        when:
        def inputs = RecordInputs.bind(table, [tax: 0.1, quantity: 2], SALES_INPUTS)

        then:
        inputs.asMap(0) == [price: 20, tax: 0.2, quantity: 2]
        inputs.asMap(1) == [price: 30, tax: 0.3, quantity: 2]
    }

    def 'columns and parameters that are not inputs of the service are ignored'() {
        given:
        def table = RecordTable.of([['sale_id', 'price', 'note'], [1, 20, 'rush']])

        expect:
        RecordInputs.bind(table, [region: 'EU'], SALES_INPUTS).asMap(0) == [price: 20]
    }

    def 'no parameters means the columns alone'() {
        expect:
        RecordInputs.bind(RecordTable.of([['price'], [5]]), null, SALES_INPUTS).asMap(0) == [price: 5]
    }

    def 'every record of a chunk gets its inputs in slot order, under the very same name objects'() {
        given:
        def inputs = RecordInputs.bind(RecordTable.of([['price', 'quantity'], [5, 6], [7, 8]]), [tax: 0.1], SALES_INPUTS)

        when:
        def first = inputs.asMap(0)
        def second = inputs.asMap(1)

        then:
        first.entrySet()*.toString() == ['price=5', 'quantity=6', 'tax=0.1']
        second.entrySet()*.toString() == ['price=7', 'quantity=8', 'tax=0.1']
        [first.keySet().toList(), second.keySet().toList()].transpose().every { a, b -> a.is(b) }

        when: 'an engine tries to change them'
        first.put('price', 1)

        then:
        thrown(UnsupportedOperationException)
    }
}
