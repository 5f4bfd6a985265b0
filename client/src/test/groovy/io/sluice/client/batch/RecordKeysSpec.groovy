package io.sluice.client.batch

import spock.lang.Specification

class RecordKeysSpec extends Specification {

    static RecordKeys of(List<String> keys) {
        def recordKeys = new RecordKeys()
        keys.each { recordKeys.append(it) }
        recordKeys
    }

    def 'keys read back as they went in, empty ones and non-ASCII ones too'() {
        given:
        def keys = ['7', '', 'ü-42', 'a longer key with spaces', '7'] + (1..200).collect { "k$it" as String }

        expect:
        of(keys) == keys
        of(keys).size() == 205
        of(keys).get(2) == 'ü-42'
    }

    def 'a key is recognised only when it is the same text: #candidate'() {
        expect:
        of(['12', '123', '']).is(index, candidate) == same

        where:
        index | candidate || same
        0     | '12'      || true
        0     | '123'     || false
        0     | '1'       || false
        1     | '123'     || true
        1     | '124'     || false
        2     | ''        || true
        2     | ' '       || false
    }

    def 'an index outside the keys is refused'() {
        when:
        of(['a']).is(1, 'a')

        then:
        thrown(IndexOutOfBoundsException)
    }

    def 'keys grow past their first room'() {
        given:
        def keys = (1..1000).collect { "$it" as String }
        def recordKeys = of(keys)

        expect:
        recordKeys == keys
        (0..<1000).every { recordKeys.is(it, "${it + 1}" as String) }
    }
}
