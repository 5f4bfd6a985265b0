package io.sluice.domain.buffer

import spock.lang.Specification

class BufferAccountSpec extends Specification {

    def 'a reservation that fits is taken whole'() {
        when:
        def buffer = BufferAccount.empty(1000).reserve(600).reserve(400)

        then:
        buffer.usedBytes() == 1000
        buffer.remainingBytes() == 0
        buffer.isFull()
    }

    def 'a reservation that does not fit whole takes nothing'() {
        given:
        def buffer = BufferAccount.empty(1000).reserve(600)

        when:
        buffer.reserve(401)

        then:
        def e = thrown(BufferFullException)
        e.requestedBytes() == 401
        e.remainingBytes() == 400
        e.allocatedBytes() == 1000
        !e.neverFits()
        e.message == '401 bytes do not fit in the 400 bytes left of a 1000-byte buffer'
        buffer.usedBytes() == 600
    }

    def 'more than the whole buffer never fits'() {
        given:
        def buffer = BufferAccount.empty(1000)

        expect:
        buffer.neverFits(1001)
        !buffer.neverFits(1000)

        when:
        buffer.reserve(1001)

        then:
        def e = thrown(BufferFullException)
        e.neverFits()
        e.message == '1001 bytes exceed the whole buffer of 1000 bytes'
    }

    def 'releasing gives room back'() {
        expect:
        BufferAccount.empty(1000).reserve(700).release(200).remainingBytes() == 500
    }

    def 'releasing more than is used is a bookkeeping error, never clamped'() {
        when:
        BufferAccount.empty(1000).reserve(100).release(101)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'cannot release 101 bytes from a buffer using 100'
    }

    def 'discarding empties the buffer at once'() {
        expect:
        BufferAccount.empty(1000).reserve(700).discardAll() == BufferAccount.empty(1000)
    }

    def 'negative amounts are refused: #action'() {
        when:
        call(BufferAccount.empty(10))

        then:
        thrown(IllegalArgumentException)

        where:
        action      | call
        'reserve'   | { BufferAccount b -> b.reserve(-1) }
        'release'   | { BufferAccount b -> b.release(-1) }
        'check'     | { BufferAccount b -> b.canReserve(-1) }
    }

    def 'an account never holds impossible amounts: #allocated allocated, #used used'() {
        when:
        new BufferAccount(allocated, used)

        then:
        thrown(IllegalArgumentException)

        where:
        allocated | used
        -1        | 0
        10        | -1
        10        | 11
    }
}
