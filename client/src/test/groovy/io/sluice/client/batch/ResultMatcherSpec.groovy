package io.sluice.client.batch

import io.sluice.client.ChunkResult
import io.sluice.client.Json
import spock.lang.Specification

class ResultMatcherSpec extends Specification {

    static ChunkResult result(String outputs, String errors) {
        Json.mapper().readValue("""{"id":"${UUID.randomUUID()}","outputs":$outputs,"errors":$errors}""", ChunkResult)
    }

    static List<String> rows(CompletedChunk chunk) {
        chunk.rows().collect { it.collect { v -> v.isNull() ? '' : v.asText() }.join(':') }
    }

    def 'rows come back in input order when the server reorders them'() {
        when:
        def chunk = ResultMatcher.match(0, 0, 3, RecordKeysSpec.of(['a', 'b', 'c']),
                result('[["id","total"],["c",3],["a",1],["b",2]]', '[null,{"message":"x"},null]'))

        then:
        rows(chunk) == ['a:1', 'b:2', 'c:3']
        chunk.errors()*.isNull() == [false, true, true]
    }

    def 'numeric keys match whatever form the server echoes them in'() {
        expect:
        rows(ResultMatcher.match(0, 0, 2, RecordKeysSpec.of(['1', '2']), result('[["id","total"],[2.0,5],[1,4]]', '[null,null]'))) == ['1:4', '2.0:5']
    }

    def 'a record whose key is missing from the result is an error, never a shift'() {
        when:
        ResultMatcher.match(0, 0, 2, RecordKeysSpec.of(['a', 'b']), result('[["id","total"],["a",1],["z",2]]', '[null,null]'))

        then:
        def e = thrown(IOException)
        e.message.contains("'b'")
    }

    def 'without keys rows are taken in order'() {
        expect:
        rows(ResultMatcher.match(0, 0, 2, RecordKeysSpec.of([]), result('[["total"],[1],[2]]', '[null,null]'))) == ['1', '2']
    }

    def 'a failed chunk without rows still gives every record its error'() {
        when:
        def chunk = ResultMatcher.match(4, 10, 2, RecordKeysSpec.of(['a', 'b']), result('[]', '[{"message":"timed out"},{"message":"timed out"}]'))

        then:
        chunk.size() == 2
        chunk.failures() == 2
        chunk.firstRecord() == 10
    }
}
