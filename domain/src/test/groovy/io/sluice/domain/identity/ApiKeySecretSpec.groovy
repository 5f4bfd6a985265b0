package io.sluice.domain.identity

import spock.lang.Specification

import java.security.SecureRandom

class ApiKeySecretSpec extends Specification {

    def 'a generated secret carries the prefix and 256 random bits'() {
        when:
        def secret = ApiKeySecret.generate(new SecureRandom())

        then:
        secret.reveal().startsWith('sk_sluice_')
        Base64.urlDecoder.decode(secret.reveal().substring(ApiKeySecret.PREFIX.length())).length == 32
    }

    def 'two generated secrets differ'() {
        given:
        def random = new SecureRandom()

        expect:
        ApiKeySecret.generate(random).reveal() != ApiKeySecret.generate(random).reveal()
    }

    def 'a secret matches its own hash and no other'() {
        given:
        def secret = ApiKeySecret.of('sk_sluice_correct-horse-battery')
        def other = ApiKeySecret.of('sk_sluice_correct-horse-battery!')

        expect:
        secret.matches(secret.hash())
        !secret.matches(other.hash())
        !secret.matches('')
    }

    def 'the hash and lookup never contain the secret'() {
        given:
        def secret = ApiKeySecret.of('sk_sluice_correct-horse-battery')

        expect:
        secret.hash() ==~ /[0-9a-f]{64}/
        secret.lookup() == secret.hash().substring(0, 16)
        !secret.hash().contains('horse')
        secret.toString() == 'ApiKeySecret[redacted]'
    }

    def 'a chosen secret is long enough and printable'() {
        when:
        ApiKeySecret.of(value)

        then:
        thrown(expected)

        where:
        value                                 | expected
        null                                  | NullPointerException
        'too-short'                           | IllegalArgumentException
        'sk_sluice_has a space in the middle' | IllegalArgumentException
        'x' * 201                             | IllegalArgumentException
    }
}
