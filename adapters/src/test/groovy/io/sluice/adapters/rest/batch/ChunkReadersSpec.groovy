package io.sluice.adapters.rest.batch

import groovy.json.JsonOutput
import org.bson.BsonDocument
import org.bson.RawBsonDocument
import org.bson.codecs.BsonDocumentCodec
import spock.lang.Specification

class ChunkReadersSpec extends Specification {

    static final String ID = 'f7b52961-ad34-40ce-874f-93c67df11d65'

    static Map aChunk(Map overrides = [:]) {
        [id: ID, data: [inputs: [['sale_id', 'price', 'quantity'], [1, 20, 65], [2, 74.5, 73]], parameters: [tax: 0.1],
                        summary: [ignore_error: false, aggregation: [[output_name: 'total', operator: 'SUM']]]], size: 2] + overrides
    }

    static byte[] json(Object body) {
        JsonOutput.toJson(body).bytes
    }

    static byte[] bson(Object body) {
        def doc = BsonDocument.parse(JsonOutput.toJson(body))
        new RawBsonDocument(doc, new BsonDocumentCodec()).getByteBuffer().array()
    }

    def 'the seed chunk reads the same from #format'() {
        when:
        def chunks = read(encode([chunks: [aChunk()]]))

        then:
        chunks.size() == 1
        with(chunks[0]) {
            id().toString() == ID
            columns() == ['sale_id', 'price', 'quantity']
            rows()*.toList() == [[1L, 20L, 65L], [2L, 74.5d, 73L]]
            parameters() == [tax: 0.1d]
            summary().sumOf() == ['total']
            !summary().ignoreError()
        }

        where:
        format | encode                          | read
        'JSON' | ChunkReadersSpec.&json          | JsonChunkReader.&read
        'BSON' | ChunkReadersSpec.&bson          | BsonChunkReader.&read
    }

    def '#format refuses #mistake saying where'() {
        when:
        read(encode([chunks: [aChunk(), aChunk(change)]]))

        then:
        def e = thrown(InvalidChunksException)
        e.message == message
        e.chunkIndex() == 1

        where:
        [format, encode, read, mistake, change, message] << [
                ['JSON', ChunkReadersSpec.&json, JsonChunkReader.&read],
                ['BSON', ChunkReadersSpec.&bson, BsonChunkReader.&read]
        ].collectMany { f ->
            [
                    ['a non-UUID id', [id: 'chunk-1'], "chunks[1]: id 'chunk-1' is not a UUID"],
                    ['a missing id', [id: null], 'chunks[1]: id must be a UUID string'],
                    ['missing inputs', [data: [parameters: [tax: 0.1]], size: null],
                     'chunks[1]: data.inputs is missing: it must be a table whose first row names the columns'],
                    ['a ragged row', [data: [inputs: [['a', 'b'], [1, 2], [3]]], size: null],
                     'chunks[1].data.inputs[2]: has 1 values but the header row names 2 columns'],
                    ['a header that is not names', [data: [inputs: [['a', 5]]], size: null],
                     'chunks[1].data.inputs[0]: column 1 of the header row is not a name'],
                    ['a nested value', [data: [inputs: [['a'], [[1, 2]]]], size: null],
                     'chunks[1].data.inputs[1]: value 0 must be a scalar (string, number, boolean or null)'],
                    ['a wrong size', [size: 5], 'chunks[1]: size says 5 records but data.inputs holds 2'],
                    ['an unknown operator', [data: [inputs: [['a']], summary: [aggregation: [[output_name: 'a', operator: 'AVG']]]], size: null],
                     "chunks[1]: aggregation operator 'AVG' is not supported: only SUM is"],
            ].collect { f + it }
        }
    }

    def 'malformed JSON is refused with its position'() {
        when:
        JsonChunkReader.read('{"chunks": [ {"id": '.bytes)

        then:
        def e = thrown(InvalidChunksException)
        e.message.startsWith('malformed JSON at line 1')
    }

    def 'a body without chunks is refused'() {
        when:
        JsonChunkReader.read('{"records": []}'.bytes)

        then:
        def e = thrown(InvalidChunksException)
        e.message == "the body has no 'chunks' array"
    }

    def 'malformed BSON is refused'() {
        when:
        BsonChunkReader.read([1, 2, 3] as byte[])

        then:
        def e = thrown(InvalidChunksException)
        e.message.startsWith('malformed BSON')
    }
}
