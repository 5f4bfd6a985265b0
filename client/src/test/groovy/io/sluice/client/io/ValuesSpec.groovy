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
        Values.of(text).isNumber() == (text ==~ /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/)

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
            Values.of(text).isNumber() == (text ==~ /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/)
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

    def 'a decimal read from text has the value and scale BigDecimal reads, and is written exactly as it was read'() {
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
            node.decimalValue().equals(new BigDecimal(text)) && out.toString() == text
        }
    }

    def 'a number read from text has the value its text says, whatever a caller asks for'() {
        when:
        def node = Values.of(text)

        then:
        node.isNumber()
        node.isIntegralNumber() == integral
        node.isBigDecimal() == !integral
        node.decimalValue() == new BigDecimal(text)
        node.doubleValue() == new BigDecimal(text).doubleValue()
        node.canConvertToLong() == fitsLong
        !fitsLong || node.longValue() == new BigDecimal(text).longValue()
        node.canConvertToInt() == fitsInt
        node.bigIntegerValue() == new BigDecimal(text).toBigInteger()
        io.sluice.client.Json.mapper().writeValueAsString(node) == text

        where:
        text                   || integral | fitsLong | fitsInt
        '12'                   || true     | true     | true
        '-2147483649'          || true     | true     | false
        '123456789012345678'   || true     | true     | false
        '9223372036854775808'  || false    | false    | false
        '-4.50'                || false    | true     | true
        '1.5E7'                || false    | true     | true
        '2.5e-3'               || false    | true     | true
    }

    def 'read numbers are equal when their values are, as numbers compare'() {
        expect:
        Values.of('1.50') == Values.of('1.5')
        Values.of('1.50').hashCode() == Values.of('1.5').hashCode()
        Values.of('0.0').hashCode() == Values.of('0').hashCode()
        Values.of('15') == Values.of('1.5e1')
        Values.of('12') != Values.of('13')
        Values.of('12') != Values.of('"12"')
    }

    def 'a number for a CSV cell is the text as read when that is already plain, else the plain value: #text'() {
        expect:
        Values.text(Values.of(text)) == cell

        where:
        text       || cell
        '12'       || '12'
        '-0'       || '0'
        '0'        || '0'
        '12.5'     || '12.5'
        '12.50'    || '12.5'
        '-0.0'     || '0'
        '1430.00'  || '1430'
        '1.5E7'    || '15000000'
        '2.5e-3'   || '0.0025'
        '1e0'      || '1'
    }
}
