package io.sluice.domain.identity

import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Instant

class ApiKeySpec extends Specification {

    static final demo = TenantId.of('demo')
    static final now = Instant.parse('2026-01-01T10:00:00Z')
    static final secret = ApiKeySecret.of('sk_sluice_0123456789abcdefghij')

    static ApiKey anActiveKey() {
        ApiKey.issue(UUID.randomUUID(), demo, 'nightly import', 'ann', ['batch:run'] as Set, secret, now)
    }

    def 'an issued key keeps the hash of its secret, never the secret'() {
        when:
        def key = anActiveKey()

        then:
        key.secretHash() == secret.hash()
        key.lookup() == secret.lookup()
        !key.toString().contains(secret.reveal())
        !key.isRevoked()
        key.lastUsedAt() == null
    }

    def 'an active key authenticates its secret sent with its own tenant'() {
        expect:
        anActiveKey().authenticates(secret, demo)
    }

    def 'a key refuses another secret, another tenant header, and everything once revoked'() {
        given:
        def key = anActiveKey()
        def revoked = new ApiKey(key.id(), demo, key.name(), key.owner(), key.roles(), key.lookup(),
                key.secretHash(), now, null, now.plusSeconds(5))

        expect:
        !key.authenticates(ApiKeySecret.of('sk_sluice_another-one-entirely'), demo)
        !key.authenticates(secret, TenantId.of('other'))
        revoked.isRevoked()
        !revoked.authenticates(secret, demo)
    }

    def 'a key acts as its owner with its roles'() {
        when:
        def caller = anActiveKey().caller()

        then:
        caller.tenant() == demo
        caller.name() == 'ann'
        caller.roles() == ['batch:run'] as Set
    }

    def 'a key needs a name and an owner of legal shape'() {
        when:
        ApiKey.issue(UUID.randomUUID(), demo, name, owner, [] as Set, secret, now)

        then:
        thrown(IllegalArgumentException)

        where:
        name   | owner
        ' '    | 'ann'
        'x'    | 'has space'
        'x'    | null
        'y'*101 | 'ann'
    }
}
