package io.sluice.domain.chunk

import spock.lang.Specification

class ContentFingerprintSpec extends Specification {

    def 'the fingerprint is the SHA-256 of the canonical bytes'() {
        expect:
        ContentFingerprint.of('abc').sha256Hex() == 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
        ContentFingerprint.of('abc'.bytes) == ContentFingerprint.of('abc')
        ContentFingerprint.of('abc') != ContentFingerprint.of('abd')
    }

    def 'a stored fingerprint must be 64 lower-case hex digits: #text'() {
        when:
        new ContentFingerprint(text)

        then:
        thrown(IllegalArgumentException)

        where:
        text << ['abc', 'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD', 'g' * 64]
    }

    def 'a chunk id is the UUID the client chose'() {
        expect:
        ChunkId.of('f7b52961-ad34-40ce-874f-93c67df11d65').toString() == 'f7b52961-ad34-40ce-874f-93c67df11d65'

        when:
        ChunkId.of('chunk-1')

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "chunk id 'chunk-1' is not a UUID"
    }

    def 'a lease needs a holder'() {
        when:
        new Lease(' ', ChunkFixtures.T0)

        then:
        thrown(IllegalArgumentException)
    }
}
