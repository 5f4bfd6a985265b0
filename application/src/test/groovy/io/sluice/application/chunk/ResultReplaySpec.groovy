package io.sluice.application.chunk

import io.sluice.domain.chunk.ChunkId
import io.sluice.domain.record.ChunkResult
import io.sluice.domain.record.RecordError
import io.sluice.domain.record.Warning
import spock.lang.Specification

import java.nio.charset.StandardCharsets

class ResultReplaySpec extends Specification {

    static final UUID ID = UUID.fromString('f7b52961-ad34-40ce-874f-93c67df11d65')

    /** Rebuilds what the sink was handed, field by field, as plain lists. */
    static class Recorder implements ResultSink {
        Map<String, Object> fields = [:]
        private String current
        private Deque<Object> open = new ArrayDeque<>()
        private Deque<Integer> announced = new ArrayDeque<>()
        private Deque<String> keys = new ArrayDeque<>()

        void field(ResultSink.Field field) { current = field.wireName() }

        void startList(int size) {
            open.push(new ArrayList<>(size))
            announced.push(size)
        }

        void endList() {
            def done = open.pop()
            if (done.size() != announced.pop()) {
                throw new IllegalStateException("a list announced another size than it had: $done")
            }
            put(done)
        }

        void startMap(int size) {
            open.push(new LinkedHashMap<String, Object>())
            announced.push(size)
        }

        void key(String name) { keys.push(name) }

        void endMap() {
            def done = open.pop()
            if (done.size() != announced.pop()) {
                throw new IllegalStateException("a map announced another size than it had: $done")
            }
            put(done)
        }

        void nullValue() { put(null) }

        void booleanValue(boolean value) { put(value) }

        void longValue(long value) { put(value) }

        void doubleValue(double value) { put(value) }

        void stringValue(byte[] utf8, int offset, int length) { put(new String(utf8, offset, length, StandardCharsets.UTF_8)) }

        void warning(String sourcePath, String message) { put(new Warning(sourcePath, message)) }

        void error(String sourcePath, String message, String errorCategory, String errorType) {
            put(new RecordError(sourcePath, message, errorCategory, errorType))
        }

        private void put(Object value) {
            if (open.isEmpty()) {
                fields[current] = value
            } else if (open.peek() instanceof Map) {
                (open.peek() as Map)[keys.pop()] = value
            } else {
                (open.peek() as List).add(value)
            }
        }
    }

    static Map<String, Object> replayed(ChunkResult result) {
        def recorder = new Recorder()
        ResultCodec.replay(ResultCodec.encode(result), recorder)
        recorder.fields
    }

    def 'a replayed result hands over exactly what decoding gives, field by field and in order'() {
        given:
        def error = RecordError.calculation('total', '#DIV/0!')
        def result = new ChunkResult(new ChunkId(ID), [[['total_SUM'], ['#DIV/0!']]],
                [['sale_id', 'total', 'ok'], [1L, 1430d, true], [2L, '#DIV/0!', false], ['x', null, null]],
                [null, [new Warning('tax', 'defaulted'), new Warning(null, 'second')], null],
                [null, [error, new RecordError(null, 'other', RecordError.PROCESSING_ERROR, null)], null], [1L, 2L, 300L])

        when:
        def fields = replayed(result)

        then:
        fields.keySet().toList() == ['summary_output', 'outputs', 'warnings', 'errors', 'process_time']
        fields.summary_output == result.summaryOutput()
        fields.outputs == result.outputs()
        fields.warnings == result.warnings()
        fields.errors == result.errors()
        fields.process_time == result.processTimeMillis()
    }

    def 'a chunk of one record with nothing to say replays with empty rows'() {
        given:
        def result = new ChunkResult(new ChunkId(ID), [[]], [[], []], [null], [null], [0L])

        expect:
        replayed(result) == [summary_output: [[]], outputs: [[], []], warnings: [null], errors: [null], process_time: [0L]]
    }

    def 'text keeps every character, whatever its script'() {
        given:
        def text = 'Zürich — 東京 "quoted" \\ \n 😀'
        def result = new ChunkResult(new ChunkId(ID), [[]], [['name'], [text]], [null], [null], [1L])

        expect:
        replayed(result).outputs == [['name'], [text]]
    }

    def 'a table output keeps its rows as named values, in their order, through storing and replaying'() {
        given:
        def schedule = [[year: 1L, payment: 4599.96d, balance: 9299.92d], [year: 2L, payment: 4599.96d, balance: null]]
        def result = new ChunkResult(new ChunkId(ID), [[]], [['monthly_payment', 'schedule'], [383.33d, schedule]],
                [null], [null], [1L])

        when:
        def fields = replayed(result)
        def decoded = ResultCodec.decode(ID, ResultCodec.encode(result))

        then:
        fields.outputs == [['monthly_payment', 'schedule'], [383.33d, schedule]]
        (fields.outputs[1][1][0] as Map).keySet().toList() == ['year', 'payment', 'balance']
        decoded.outputs() == result.outputs()
        (decoded.outputs()[1][1][0] as Map).keySet().toList() == ['year', 'payment', 'balance']
    }

    def 'bytes that are no stored result are refused'() {
        when:
        ResultCodec.replay(ChunkCodec.encode(ChunkCodecSpec.aSalesChunk()), new Recorder())

        then:
        thrown(IllegalArgumentException)
    }

    def 'a truncated result is refused'() {
        given:
        def bytes = ResultCodec.encode(new ChunkResult(new ChunkId(ID), [[]], [['a'], [1L]], [null], [null], [1L]))

        when:
        ResultCodec.replay(Arrays.copyOf(bytes, bytes.length - 2), new Recorder())

        then:
        thrown(IllegalArgumentException)
    }
}
