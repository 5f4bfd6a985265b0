package io.sluice.client.io

import spock.lang.Specification

import java.nio.charset.StandardCharsets

import static io.sluice.client.io.CsvRecordSourceSpec.all

class JsonLinesRecordSourceSpec extends Specification {

    static JsonLinesRecordSource jsonl(String text) {
        new JsonLinesRecordSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
    }

    def 'the first object names the columns and later objects fill them by name'() {
        when:
        def source = jsonl('{"id":1,"price":2.5,"name":"x"}\n{"name":"y","id":2}\n')

        then:
        source.columns() == ['id', 'price', 'name']
        all(source) == [[1, 2.5G, 'x'], [2, null, 'y']]
    }

    def 'blank lines and a byte order mark are ignored'() {
        expect:
        all(jsonl('\uFEFF{"a":1}\n\n{"a":2}\n')) == [[1], [2]]
    }

    def 'a field the first object did not have is refused with its line'() {
        given:
        def source = jsonl('{"a":1}\n{"a":2,"b":3}\n')
        source.next()

        when:
        source.next()

        then:
        def e = thrown(MalformedInputException)
        e.message.contains('line 2')
        e.message.contains("'b'")
    }

    def 'a line that is not a JSON object is refused'() {
        given:
        def source = jsonl('{"a":1}\n[1]\n')
        source.next()

        when:
        source.next()

        then:
        thrown(MalformedInputException)
    }
}
