package io.sluice.client.io

import spock.lang.Specification

import java.nio.charset.StandardCharsets

class CsvRecordSourceSpec extends Specification {

    static CsvRecordSource csv(String text) {
        new CsvRecordSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
    }

    static List<List<Object>> all(RecordSource source) {
        def rows = []
        def row
        while ((row = source.next()) != null) {
            rows << row.collect { it.isNull() ? null : (it.isNumber() ? it.numberValue() : it.asText()) }
        }
        rows
    }

    def 'the header row names the columns and each further row is a record'() {
        when:
        def source = csv('sale_id,price,quantity\n1,20,65\n2,74.5,73\n')

        then:
        source.columns() == ['sale_id', 'price', 'quantity']
        all(source) == [[1L, 20L, 65L], [2L, 74.5G, 73L]]
    }

    def 'quoted fields keep their commas, quotes and line breaks'() {
        when:
        def source = csv('id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n')

        then:
        all(source) == [[1L, 'a, b'], [2L, 'say "hi"'], [3L, 'two\nlines']]
    }

    def 'an empty field is null, quoted or not'() {
        expect:
        all(csv('a,b,c\n1,,""\n')) == [[1L, null, null]]
    }

    def 'a byte order mark does not become part of the first column name'() {
        expect:
        csv('\uFEFFsale_id,price\n1,2\n').columns() == ['sale_id', 'price']
    }

    def 'text that JSON would not write as a number stays text'() {
        expect:
        all(csv('id,code,amount,ratio\n007,A1,-3,1e3\n')) == [['007', 'A1', -3L, 1000G]]
    }

    def 'a row with another number of fields than the header is refused with its line'() {
        given:
        def source = csv('a,b\n1,2\n3\n')
        source.next()

        when:
        source.next()

        then:
        def e = thrown(MalformedInputException)
        e.message.contains('line 3')
    }

    def 'an empty file is refused'() {
        when:
        csv('')

        then:
        thrown(MalformedInputException)
    }

    def 'blank lines between records are skipped'() {
        expect:
        all(csv('a\n1\n\n2\n')) == [[1L], [2L]]
    }

    def 'bytes read grow as records are read'() {
        given:
        def source = csv('a\n' + (1..1000).join('\n') + '\n')

        when:
        all(source)

        then:
        source.bytesRead() > 3000
    }
}
