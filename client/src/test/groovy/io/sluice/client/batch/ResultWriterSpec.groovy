package io.sluice.client.batch

import com.fasterxml.jackson.databind.node.JsonNodeFactory
import io.sluice.client.io.Format
import spock.lang.Specification

import java.nio.charset.StandardCharsets

class ResultWriterSpec extends Specification {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance

    static CompletedChunk chunk(long sequence, long first, List<String> columns, List<List> rows, List errors) {
        new CompletedChunk(sequence, first, columns,
                rows.collect { r -> r.collect { v -> v == null ? NODES.nullNode() : (v instanceof Number ? NODES.numberNode(v as BigDecimal) : NODES.textNode(v as String)) } },
                errors.collect { e -> e == null ? NODES.nullNode() : NODES.objectNode().put('error_type', e as String).put('message', 'not a number') })
    }

    static String write(Format format, boolean recordColumn, List<CompletedChunk> chunks) {
        def out = new ByteArrayOutputStream()
        def writer = new ResultWriter(out, format, recordColumn)
        chunks.each { writer.accept(it) }
        writer.close()
        out.toString(StandardCharsets.UTF_8)
    }

    def 'CSV results have the output columns, then an error column'() {
        expect:
        write(Format.CSV, false, [chunk(0, 0, ['sale_id', 'total'], [[1, 1430.00], [2, null]], [null, '#VALUE!'])]) ==
                'sale_id,total,error\r\n1,1430,\r\n2,,#VALUE! not a number\r\n'
    }

    def 'a record column gives each record its input position'() {
        expect:
        write(Format.CSV, true, [chunk(3, 6, ['total'], [[1], [2]], [null, null])]) == 'record,total,error\r\n7,1,\r\n8,2,\r\n'
    }

    def 'JSON lines results carry the error object only where there is one'() {
        expect:
        write(Format.JSONL, false, [chunk(0, 0, ['id', 'total'], [['a', 1.5], ['b', null]], [null, '#N/A'])]).readLines() == [
                '{"id":"a","total":1.5}',
                '{"id":"b","total":null,"error":{"error_type":"#N/A","message":"not a number"}}']
    }

    def 'a later chunk with its columns in another order is placed by name'() {
        expect:
        write(Format.CSV, false, [
                chunk(0, 0, ['id', 'total'], [['a', 1]], [null]),
                chunk(1, 1, ['total', 'id'], [[2, 'b']], [null])]) == 'id,total,error\r\na,1,\r\nb,2,\r\n'
    }

    def 'a record with several errors lists them all; an empty list is no error'() {
        given:
        def errors = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                '[[{"source_path":"Xinput_price","message":"Input price expects a number","error_type":null},{"message":"second"}],[]]')
        def chunk = new CompletedChunk(0, 0, ['total'], [[NODES.nullNode()], [NODES.numberNode(3)]], [errors.get(0), errors.get(1)])

        expect:
        chunk.failures() == 1
        write(Format.CSV, false, [chunk]) == 'total,error\r\n,Input price expects a number; second\r\n3,\r\n'
    }
}
