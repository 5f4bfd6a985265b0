package io.sluice.adapters.rest.batch

import groovy.json.JsonSlurper
import io.sluice.domain.chunk.ChunkId
import io.sluice.domain.record.ChunkResult
import io.sluice.domain.record.RecordError
import org.bson.BsonDocument
import org.bson.RawBsonDocument
import spock.lang.Specification

class ChunkResultsWriterSpec extends Specification {

    static final UUID ID = UUID.fromString('f7b52961-ad34-40ce-874f-93c67df11d65')

    static ChunkResult aSalesResult() {
        new ChunkResult(new ChunkId(ID), [[]], [['sale_id', 'total'], [1L, 1430d], [2L, 5942.2d]], [null, null],
                [null, null], [1L, 1L])
    }

    def 'results render as the seed shows them'() {
        when:
        def body = new JsonSlurper().parse(ChunkResultsWriter.json([aSalesResult()], '{"batch_status":"in_progress"}'.bytes))

        then:
        body.data[0].id == ID.toString()
        body.data[0].summary_output == [[]]
        body.data[0].outputs == [['sale_id', 'total'], [1, 1430], [2, 5942.2]]
        body.data[0].warnings == [null, null]
        body.data[0].errors == [null, null]
        body.data[0].process_time == [1, 1]
        body.status.batch_status == 'in_progress'
    }

    def 'whole numbers are written without a fraction'() {
        expect:
        new String(ChunkResultsWriter.json([aSalesResult()], '{}'.bytes)).contains('[1,1430]')
    }

    def 'a summary and a record error render in place'() {
        given:
        def result = new ChunkResult(new ChunkId(ID), [[['total_SUM'], [7372.2d]]], [[], []], [null],
                [[RecordError.calculation('total', '#N/A')]], [3L])

        when:
        def body = new JsonSlurper().parse(ChunkResultsWriter.json([result], '{}'.bytes))

        then:
        body.data[0].summary_output == [[['total_SUM'], [7372.2]]]
        body.data[0].outputs == [[], []]
        body.data[0].errors[0][0].error_type == '#N/A'
        body.data[0].errors[0][0].error_category == 'calculation_error'
    }

    def 'results render as BSON with the same structure'() {
        when:
        def bytes = ChunkResultsWriter.bson([aSalesResult()], BsonDocument.parse('{"batch_status":"in_progress"}'))
        def doc = new RawBsonDocument(bytes)

        then:
        doc.getArray('data').get(0).asDocument().getString('id').value == ID.toString()
        doc.getArray('data').get(0).asDocument().getArray('outputs').get(1).asArray()*.asNumber()*.doubleValue() == [1d, 1430d]
        doc.getDocument('status').getString('batch_status').value == 'in_progress'
    }
}
