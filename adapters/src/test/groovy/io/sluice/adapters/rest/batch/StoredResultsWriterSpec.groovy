package io.sluice.adapters.rest.batch

import groovy.json.JsonSlurper
import io.sluice.application.chunk.ResultCodec
import io.sluice.application.chunk.StoredResult
import io.sluice.domain.chunk.ChunkId
import io.sluice.domain.record.ChunkResult
import io.sluice.domain.record.RecordError
import io.sluice.domain.record.Warning
import org.bson.BsonDocument
import org.bson.RawBsonDocument
import spock.lang.Specification

/** Results written straight from their stored form, as {@code chunkresults} answers. */
class StoredResultsWriterSpec extends Specification {

    static final UUID FIRST = UUID.fromString('f7b52961-ad34-40ce-874f-93c67df11d65')
    static final UUID SECOND = UUID.fromString('0b0c5d6e-9a1f-4c2d-8e3f-112233445566')

    static StoredResult stored(ChunkResult result) {
        new StoredResult(result.id(), result.recordCount(), ResultCodec.encode(result))
    }

    static ChunkResult mixed() {
        new ChunkResult(new ChunkId(SECOND), [[['total_SUM'], [2.5d]]],
                [['sale_id', 'total', 'note'], ['a"b', 2.5d, 'Zürich \\ 東京\n'], [-0L, -0.0d, null]],
                [[new Warning('tax', 'defaulted')], null], [null, [RecordError.calculation('total', '#N/A')]], [4L, 1L])
    }

    def 'several stored results render in order, each with its id, text escaped and numbers as the Batch API shows them'() {
        when:
        def text = new String(ChunkResultsWriter.jsonStored([stored(ChunkResultsWriterSpec.aSalesResult()), stored(mixed())],
                '{"batch_status":"in_progress"}'.bytes), 'UTF-8')
        def body = new JsonSlurper().parseText(text)

        then:
        body.data*.id == [FIRST.toString(), SECOND.toString()]
        body.data[0].outputs == [['sale_id', 'total'], [1, 1430], [2, 5942.2]]
        body.data[1].summary_output == [[['total_SUM'], [2.5]]]
        body.data[1].outputs == [['sale_id', 'total', 'note'], ['a"b', 2.5, 'Zürich \\ 東京\n'], [0, -0.0, null]]
        body.data[1].warnings == [[[source_path: 'tax', message: 'defaulted']], null]
        body.data[1].errors == [null, [[source_path: 'total', message: 'The cell evaluates to #N/A', error_category: 'calculation_error',
                                        error_type: '#N/A']]]
        body.data[1].process_time == [4, 1]
        body.status.batch_status == 'in_progress'
        text.contains('"outputs":[["sale_id","total"],[1,1430],[2,5942.2]]')
    }

    def 'no results is an empty data array'() {
        expect:
        new JsonSlurper().parse(ChunkResultsWriter.jsonStored([], '{}'.bytes)) == [data: [], status: [:]]
    }

    def 'stored results render as BSON with their types kept'() {
        when:
        def doc = new RawBsonDocument(ChunkResultsWriter.bsonStored([stored(mixed())],
                BsonDocument.parse('{"batch_status":"in_progress"}')))
        def chunk = doc.getArray('data').get(0).asDocument()

        then:
        chunk.getString('id').value == SECOND.toString()
        chunk.getArray('outputs').get(1).asArray().get(0).asString().value == 'a"b'
        chunk.getArray('outputs').get(1).asArray().get(1).asDouble().value == 2.5d
        chunk.getArray('outputs').get(1).asArray().get(2).asString().value == 'Zürich \\ 東京\n'
        chunk.getArray('outputs').get(2).asArray().get(0).asInt64().value == 0L
        chunk.getArray('outputs').get(2).asArray().get(2).isNull()
        chunk.getArray('warnings').get(0).asArray().get(0).asDocument().getString('message').value == 'defaulted'
        chunk.getArray('warnings').get(1).isNull()
        chunk.getArray('errors').get(1).asArray().get(0).asDocument().getString('error_type').value == '#N/A'
        chunk.getArray('process_time')*.asInt64()*.value == [4L, 1L]
        doc.getDocument('status').getString('batch_status').value == 'in_progress'
    }
}
