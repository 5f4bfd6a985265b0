package io.sluice.domain.record

import io.sluice.domain.chunk.ChunkId
import spock.lang.Specification

class ChunkSummarySpec extends Specification {

    static final ChunkId ID = new ChunkId(UUID.randomUUID())

    static List summarise(List values, boolean ignoreError = false, List<List<RecordError>> errors = null) {
        def table = RecordTable.of([['n']] + values.collect { [it] })
        def outcomes = values.withIndex().collect { v, i ->
            def recordErrors = errors?.get(i) ?: (ExcelErrors.isError(v) ? [RecordError.calculation('total', v)] : [])
            new RecordOutcome(v == null ? [:] : [total: v], [], recordErrors, 1)
        }
        def summary = new ChunkSummary(ignoreError, [new Aggregation('total', Aggregation.Operator.SUM)])
        ChunkResultAssembler.of(['total'], OutputSelection.all(), null).assemble(ID, table, outcomes, summary)
                .summaryOutput()[0][1]
    }

    def 'SUM adds the numbers as a spreadsheet shows them: #values'() {
        expect:
        summarise(values) == [sum]

        where:
        values                      | sum
        [1430, 5942.2]              | 7372.2
        [0.1, 0.2]                  | 0.3
        [1, 2, 3]                   | 6
        [1.5, 1.5]                  | 3
        []                          | 0
        [1e308, 1e308]              | '#NUM!'
        [1e16, 1, -1e16]            | 1
    }

    def 'a whole sum is an integer, any other a decimal'() {
        expect:
        summarise([1, 2, 3])[0] instanceof Long
        summarise([1430, 5942.2])[0] instanceof Double
    }

    def 'text, booleans and blanks are left out of a sum'() {
        expect:
        summarise([1, 'n/a', true, '#hashtag', 2]) == [3]
    }

    def 'an erroring record poisons the sum, like SUM(1, #N/A) in a spreadsheet'() {
        expect:
        summarise([1, '#N/A', 2]) == ['#N/A']
        summarise([1, '#DIV/0!', '#N/A']) == ['#DIV/0!']
    }

    def 'with ignore_error the erroring records are left out'() {
        expect:
        summarise([1, '#N/A', 2], true) == [3]
    }

    def 'a record that failed without a value poisons the sum with its error type'() {
        given:
        def failed = [new RecordError(null, 'timeout', RecordError.PROCESSING_ERROR, null)]
        def divided = [new RecordError('x', 'bad', RecordError.CALCULATION_ERROR, '#DIV/0!')]

        expect:
        summarise([1, null], false, [[], failed]) == ['#N/A']
        summarise([1, null], false, [[], divided]) == ['#DIV/0!']
        summarise([1, null], true, [[], failed]) == [1]
    }

    def 'a record without errors and without the output adds nothing'() {
        expect:
        summarise([1, null]) == [1]
    }

    def 'aggregates are named after their output, suffixed with the operator'() {
        given:
        def summary = new ChunkSummary(false, [new Aggregation('total', Aggregation.Operator.parse('sum')),
                                               new Aggregation('tax', Aggregation.Operator.SUM)])

        expect:
        summary.aggregations()*.resultName() == ['total_SUM', 'tax_SUM']
        summary.isRequested()
        !ChunkSummary.none().isRequested()
        !ChunkSummary.none().ignoreError()
    }

    def 'only SUM is supported'() {
        when:
        Aggregation.Operator.parse(operator)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "summary operator '${operator}' is not supported; supported: SUM"

        where:
        operator << ['AVG', null]
    }

    def 'an aggregation needs an output name and an operator'() {
        when:
        new Aggregation(name, operator)

        then:
        thrown(IllegalArgumentException)

        where:
        name    | operator
        ' '     | Aggregation.Operator.SUM
        'total' | null
    }

    def 'a summary may aggregate only outputs the service has'() {
        given:
        def summary = new ChunkSummary(false, [new Aggregation('totl', Aggregation.Operator.SUM)])

        when:
        summary.requireOutputsIn(['total'])

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "data.summary aggregates 'totl', which is not an output of the service"

        when:
        new ChunkSummary(false, [new Aggregation('total', Aggregation.Operator.SUM)]).requireOutputsIn(['total'])

        then:
        noExceptionThrown()
    }

    def 'only the spreadsheet error values count as errors'() {
        expect:
        ExcelErrors.isError(value) == error

        where:
        value      | error
        '#N/A'     | true
        '#SPILL!'  | true
        '#hashtag' | false
        ''         | false
        'N/A'      | false
        42         | false
        null       | false
    }
}
