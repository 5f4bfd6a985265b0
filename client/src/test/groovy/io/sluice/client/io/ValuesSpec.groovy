package io.sluice.client.io

import com.fasterxml.jackson.databind.node.JsonNodeFactory
import spock.lang.Specification

class ValuesSpec extends Specification {

    def 'text #text becomes #json'() {
        expect:
        Values.of(text).toString() == json

        where:
        text       || json
        ''         || 'null'
        '12'       || '12'
        '-4.50'    || '-4.50'
        '0.1'      || '0.1'
        '007'      || '"007"'
        '1,5'      || '"1,5"'
        'abc'      || '"abc'+'"'
        ' 1'       || '" 1"'
    }

    def 'the number check agrees with the JSON number grammar on #text'() {
        expect:
        Values.isJsonNumber(text) == (text ==~ /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/)

        where:
        text << ['0', '-0', '7', '-12.5', '1e5', '1E+5', '2.5e-3', '01', '-', '.5', '5.', '1e', '1e+', '--1', '1.2.3',
                 '+1', '0.0', '12a', 'a12', '1 ', '9223372036854775808', '-0.000e00']
    }

    def 'random strings of number characters are judged as the grammar judges them'() {
        given:
        def random = new Random(7)
        def alphabet = '0123456789-+.eE'

        expect:
        (1..20_000).every {
            def text = (1..random.nextInt(7) + 1).collect { alphabet[random.nextInt(alphabet.size())] }.join()
            Values.isJsonNumber(text) == (text ==~ /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/)
        }
    }

    def 'values are written to JSON as they were read'() {
        given:
        def out = new StringWriter()
        def mapper = io.sluice.client.Json.mapper()
        def g = mapper.factory.createGenerator(out)

        when:
        g.writeStartArray()
        ['12', '-4.50', 'abc', '', '123456789012345678901234'].each { Values.write(g, Values.of(it), mapper) }
        g.writeEndArray()
        g.close()

        then:
        out.toString() == '[12,-4.50,"abc",null,123456789012345678901234]'
    }

    def 'values print for CSV without exponent noise'() {
        expect:
        Values.text(JsonNodeFactory.instance.numberNode(1430.00G)) == '1430'
        Values.text(JsonNodeFactory.instance.numberNode(5942.2G)) == '5942.2'
        Values.text(JsonNodeFactory.instance.nullNode()) == ''
        Values.text(JsonNodeFactory.instance.textNode('x')) == 'x'
    }

    def 'a decimal read from text has the value and scale BigDecimal reads, and is written as it was read'() {
        given:
        def random = new Random(11)
        def mapper = io.sluice.client.Json.mapper()
        def texts = (1..100_000).collect {
            int whole = random.nextInt(9)
            int fraction = random.nextInt(17 - whole) + 1
            def digits = { n -> (1..n).collect { random.nextInt(10) }.join() }
            (random.nextBoolean() ? '-' : '') + (whole == 0 ? '0' : (random.nextInt(9) + 1) + digits(whole - 1)) + '.' + digits(fraction)
        } + ['0.0', '-0.0', '-0.000', '12345678901234.567', '0.00000000000000001']

        expect:
        texts.every { text ->
            def node = Values.of(text)
            def out = new StringWriter()
            def g = mapper.factory.createGenerator(out)
            Values.write(g, node, mapper)
            g.close()
            node.decimalValue().equals(new BigDecimal(text)) &&
                    out.toString() == (new BigDecimal(text).signum() == 0 ? new BigDecimal(text).toPlainString() : text)
        }
    }
}
