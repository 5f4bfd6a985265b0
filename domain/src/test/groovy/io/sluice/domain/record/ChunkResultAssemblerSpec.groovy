package io.sluice.domain.record

import io.sluice.domain.chunk.ChunkId
import spock.lang.Specification

class ChunkResultAssemblerSpec extends Specification {

    static final ChunkId ID = ChunkId.of('f7b52961-ad34-40ce-874f-93c67df11d65')
    static final List<String> SERVICE_OUTPUTS = ['total', 'tax_amount']
    static final RecordTable SALES = RecordTable.of([['sale_id', 'price', 'quantity'], [1, 20, 65], [2, 74, 73]])
    static final ChunkSummary SUM_OF_TOTAL = new ChunkSummary(false,
            [new Aggregation('total', Aggregation.Operator.SUM)])

    static RecordOutcome computed(Map outputs, long nanos = 400_000) {
        new RecordOutcome(outputs, [], [], nanos)
    }

    static final List<RecordOutcome> SALES_OUTCOMES = [
            computed(total: 1430, tax_amount: 130), computed(total: 5942.2, tax_amount: 540.2)]

    def 'a result has the shape of the reference API: key first, selected outputs, nulls for no problems'() {
        given:
        def assembler = ChunkResultAssembler.of(SERVICE_OUTPUTS, OutputSelection.of(['total']), 'sale_id')

        when:
        def result = assembler.assemble(ID, SALES, SALES_OUTCOMES, ChunkSummary.none())

        then:
        result.id() == ID
        result.summaryOutput() == [[]]
        result.outputs() == [['sale_id', 'total'], [1, 1430], [2, 5942.2]]
        result.warnings() == [null, null]
        result.errors() == [null, null]
        result.processTimeMillis() == [1, 1]
        result.recordCount() == 2
        result.recordsWithErrors() == 0
    }

    def 'without a selection every output comes back in the service order'() {
        when:
        def result = ChunkResultAssembler.of(SERVICE_OUTPUTS, OutputSelection.all(), null)
                .assemble(ID, SALES, SALES_OUTCOMES, ChunkSummary.none())

        then:
        result.outputs() == [['total', 'tax_amount'], [1430, 130], [5942.2, 540.2]]
    }

    def 'a summary with neither output nor unique record key returns every record as []'() {
        when:
        def result = ChunkResultAssembler.of(SERVICE_OUTPUTS, OutputSelection.all(), null)
                .assemble(ID, SALES, SALES_OUTCOMES, SUM_OF_TOTAL)

        then:
        result.summaryOutput() == [[['total_SUM'], [7372.2]]]
        result.outputs() == [[], [], []]
        result.errors() == [null, null]
    }

    def 'a summary with a unique record key keeps the records: #selection, #key'() {
        when:
        def result = ChunkResultAssembler.of(SERVICE_OUTPUTS, selection, key).assemble(ID, SALES, SALES_OUTCOMES, SUM_OF_TOTAL)

        then:
        result.summaryOutput() == [[['total_SUM'], [7372.2]]]
        result.outputs()[0] == header

        where:
        selection                     | key       | header
        OutputSelection.all()         | 'sale_id' | ['sale_id', 'total', 'tax_amount']
        OutputSelection.of(['total']) | null      | ['total']
    }

    def 'warnings and errors are reported per record, null where there are none'() {
        given:
        def warning = new Warning('quantity', 'default used')
        def error = RecordError.calculation('total', '#DIV/0!')
        def outcomes = [new RecordOutcome([total: 1430], [warning], [], 2_000_001),
                        new RecordOutcome([total: '#DIV/0!'], [], [error], 0)]

        when:
        def result = ChunkResultAssembler.of(['total'], OutputSelection.all(), 'sale_id').assemble(ID, SALES, outcomes,
                ChunkSummary.none())

        then:
        result.outputs() == [['sale_id', 'total'], [1, 1430], [2, '#DIV/0!']]
        result.warnings() == [[warning], null]
        result.errors() == [null, [error]]
        result.processTimeMillis() == [3, 0]
        result.recordsWithErrors() == 1
    }

    def 'a chunk that failed for good still returns an error for every record'() {
        given:
        def error = new RecordError(null, 'the chunk failed 3 attempts', RecordError.PROCESSING_ERROR, null)

        when:
        def result = ChunkResultAssembler.of(['total'], OutputSelection.all(), 'sale_id')
                .assembleFailure(ID, SALES, error, SUM_OF_TOTAL)

        then:
        result.outputs() == [['sale_id', 'total'], [1, null], [2, null]]
        result.errors() == [[error], [error]]
        result.recordsWithErrors() == 2
        result.summaryOutput() == [[['total_SUM'], ['#N/A']]]
    }

    def 'a unique record key missing from the chunk is named'() {
        when:
        ChunkResultAssembler.of(['total'], OutputSelection.all(), 'sales_id').assemble(ID, SALES, SALES_OUTCOMES,
                ChunkSummary.none())

        then:
        def e = thrown(InvalidRecordTableException)
        e.message.startsWith("unique_record_key 'sales_id' is not a column of data.inputs")
    }

    def 'every record needs an outcome'() {
        when:
        ChunkResultAssembler.of(['total'], OutputSelection.all(), null).assemble(ID, SALES, SALES_OUTCOMES.take(1),
                ChunkSummary.none())

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "chunk ${ID} has 2 records but 1 outcomes"
    }

    def 'a result whose lists disagree is refused'() {
        when:
        new ChunkResult(ID, [[]], [['total'], [1]], [null, null], [null], [1])

        then:
        thrown(IllegalArgumentException)
    }
}
