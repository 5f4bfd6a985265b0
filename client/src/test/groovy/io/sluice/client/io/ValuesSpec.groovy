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

    def 'values print for CSV without exponent noise'() {
        expect:
        Values.text(JsonNodeFactory.instance.numberNode(1430.00G)) == '1430'
        Values.text(JsonNodeFactory.instance.numberNode(5942.2G)) == '5942.2'
        Values.text(JsonNodeFactory.instance.nullNode()) == ''
        Values.text(JsonNodeFactory.instance.textNode('x')) == 'x'
    }
}
