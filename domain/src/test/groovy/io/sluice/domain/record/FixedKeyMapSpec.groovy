package io.sluice.domain.record

import spock.lang.Specification

class FixedKeyMapSpec extends Specification {

    def 'a fixed-key map iterates in key order, allows nulls and equals any map with the same entries'() {
        given:
        def map = new FixedKeyMap(['year', 'payment', 'balance'], [1L, null, 99.5d] as Object[])
        def same = new LinkedHashMap([balance: 99.5d, year: 1L, payment: null])

        expect:
        map.keySet() as List == ['year', 'payment', 'balance']
        map.values() as List == [1L, null, 99.5d]
        map == same
        same == map
        map.hashCode() == same.hashCode()
        map.get('balance') == 99.5d
        map.get('nothing') == null
        map.containsKey('payment')
        !map.containsKey('nothing')
        map.size() == 3
        String.valueOf(map) == '{year=1, payment=null, balance=99.5}'
    }

    def 'a fixed-key map cannot be changed and needs a value per key'() {
        when:
        new FixedKeyMap(['a'], [1L] as Object[]).put('b', 2L)

        then:
        thrown(UnsupportedOperationException)

        when:
        new FixedKeyMap(['a', 'b'], [1L] as Object[])

        then:
        thrown(IllegalArgumentException)
    }

    def 'an outcome keeps a fixed-key map as it is and copies any other map'() {
        given:
        def fixed = new FixedKeyMap(['b', 'a'], [1L, 2L] as Object[])
        def plain = [b: 1L, a: 2L]

        expect:
        new RecordOutcome(fixed, [], [], 1).outputs().is(fixed)
        !new RecordOutcome(plain, [], [], 1).outputs().is(plain)
        new RecordOutcome(plain, [], [], 1).outputs() == fixed
    }
}
