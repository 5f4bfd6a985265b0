package io.sluice.application.chunk

import io.sluice.domain.chunk.ChunkId
import io.sluice.domain.record.ChunkResult
import io.sluice.domain.record.RecordError
import io.sluice.domain.record.Warning
import spock.lang.Specification

class ChunkCodecSpec extends Specification {

    static final UUID ID = UUID.fromString('f7b52961-ad34-40ce-874f-93c67df11d65')

    static ChunkInput aSalesChunk() {
        new ChunkInput(ID, ['sale_id', 'price', 'quantity'],
                [[1L, 20L, 65L] as Object[], [2L, 74.5d, null] as Object[], ['x', true, false] as Object[]],
                [tax: 0.1d, region: 'EU'], new SummarySpec(true, ['total']))
    }

    def 'a payload survives encoding and decoding unchanged'() {
        given:
        def chunk = aSalesChunk()

        when:
        def decoded = ChunkCodec.decode(ID, ChunkCodec.encode(chunk))

        then:
        decoded.columns() == chunk.columns()
        decoded.rows()*.toList() == chunk.rows()*.toList()
        decoded.parameters() == chunk.parameters()
        decoded.summary() == chunk.summary()
    }

    def 'the stored form is more compact than the JSON it came from'() {
        given:
        def rows = (1..1000).collect { [it as long, 20L + it, 65L] as Object[] }
        def chunk = new ChunkInput(ID, ['sale_id', 'price', 'quantity'], rows, [tax: 0.1d], SummarySpec.NONE)
        def json = '[["sale_id","price","quantity"],' + rows.collect { "[${it[0]},${it[1]},${it[2]}]" }.join(',') + ']'

        expect: 'a few bytes a cell, compressed for speed rather than size (about 54% here)'
        ChunkCodec.encode(chunk).length < json.length() * 0.6
    }

    def 'equal content has the same hash and different content another'() {
        expect:
        ChunkCodec.contentHash(ChunkCodec.canonical(aSalesChunk())) == ChunkCodec.contentHash(ChunkCodec.canonical(aSalesChunk()))
        ChunkCodec.contentHash(ChunkCodec.canonical(aSalesChunk())) != ChunkCodec.contentHash(ChunkCodec.canonical(
                new ChunkInput(ID, ['sale_id'], [[1L] as Object[]], [:], SummarySpec.NONE)))
    }

    def 'a truncated payload is refused'() {
        given:
        def bytes = ChunkCodec.encode(aSalesChunk())

        when:
        ChunkCodec.decode(ID, Arrays.copyOf(bytes, bytes.length - 5))

        then:
        thrown(IllegalArgumentException)
    }

    def 'a ragged row cannot make a chunk'() {
        when:
        new ChunkInput(ID, ['a', 'b'], [[1L] as Object[]], [:], SummarySpec.NONE)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('row 1')
    }

    def 'a result survives encoding and decoding unchanged'() {
        given:
        def error = RecordError.calculation('total', '#DIV/0!')
        def result = new ChunkResult(new ChunkId(ID), [[['total_SUM'], ['#DIV/0!']]], [['sale_id', 'total'], [1L, 1430d], [2L, '#DIV/0!']],
                [null, [new Warning('tax', 'defaulted')]], [null, [error]], [1L, 2L])

        when:
        def decoded = ResultCodec.decode(ID, ResultCodec.encode(result))

        then:
        decoded == result
        decoded.recordsWithErrors() == 1
    }
}
