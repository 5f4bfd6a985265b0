package io.sluice.application.identity

import io.sluice.application.port.fake.InMemoryApiKeyRepository
import io.sluice.application.port.fake.SettableClock
import io.sluice.domain.identity.ApiKey
import io.sluice.domain.identity.ApiKeySecret
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.security.SecureRandom
import java.time.Duration

class AuthenticateApiKeySpec extends Specification {

    static final demo = TenantId.of('demo')

    final keys = new InMemoryApiKeyRepository()
    final clock = new SettableClock()
    final recent = new RecentApiKeys(Duration.ofSeconds(5), clock)
    final authenticate = new AuthenticateApiKey(keys, clock, recent)
    final secret = ApiKeySecret.generate(new SecureRandom())
    ApiKey key

    def setup() {
        key = ApiKey.issue(UUID.randomUUID(), demo, 'import', 'ann', ['batch:run'] as Set, secret, clock.now())
        keys.add(key)
    }

    def 'an active key sent with its tenant authenticates as its owner'() {
        when:
        def caller = authenticate.authenticate(new AuthenticateApiKeyCommand(secret.reveal(), 'demo'))

        then:
        caller.get().name() == 'ann'
        caller.get().tenant() == demo
        caller.get().roles() == ['batch:run'] as Set
    }

    def 'an unknown, malformed, revoked or other tenant key authenticates no one'() {
        given:
        if (revoke) {
            keys.revoke(demo, key.id(), clock.now())
        }

        expect:
        authenticate.authenticate(new AuthenticateApiKeyCommand(sent == null ? secret.reveal() : sent, tenant)).isEmpty()

        where:
        sent                                        | tenant  | revoke
        'sk_sluice_unknown_key_000000000000000000'  | 'demo'  | false
        'short'                                     | 'demo'  | false
        null                                        | 'other' | false
        null                                        | 'Not A Tenant' | false
        null                                        | 'demo'  | true
    }

    def 'the last use is recorded at most once a minute'() {
        given:
        def command = new AuthenticateApiKeyCommand(secret.reveal(), 'demo')
        def first = clock.now()

        when:
        authenticate.authenticate(command)
        clock.advance(Duration.ofSeconds(30))
        authenticate.authenticate(command)

        then:
        keys.find(demo, key.id()).get().lastUsedAt() == first

        when:
        clock.advance(Duration.ofSeconds(31))
        authenticate.authenticate(command)

        then:
        keys.find(demo, key.id()).get().lastUsedAt() == clock.now()
    }

    def 'a key that authenticated lately is recognised without reading storage, until its time is up'() {
        given:
        def command = new AuthenticateApiKeyCommand(secret.reveal(), 'demo')

        expect: 'nothing is recognised before the key was read'
        authenticate.recognise(command).isEmpty()

        when:
        authenticate.authenticate(command)
        keys.keys.clear()

        then: 'storage no longer has the key, yet it is recognised'
        authenticate.recognise(command).get().name() == 'ann'

        when:
        clock.advance(Duration.ofSeconds(5))

        then:
        authenticate.recognise(command).isEmpty()
        authenticate.authenticate(command).isEmpty()
    }

    def 'a remembered key is recognised only with its own secret and tenant'() {
        given:
        authenticate.authenticate(new AuthenticateApiKeyCommand(secret.reveal(), 'demo'))

        expect:
        authenticate.recognise(new AuthenticateApiKeyCommand(sent == null ? secret.reveal() : sent, tenant)).isEmpty()

        where: 'null sends the key\'s own secret'
        sent                                       | tenant
        'sk_sluice_unknown_key_000000000000000000' | 'demo'
        'short'                                    | 'demo'
        null                                       | 'other'
        null                                       | 'Not A Tenant'
    }

    def 'a key that failed to authenticate is not remembered'() {
        given:
        keys.revoke(demo, key.id(), clock.now())
        def command = new AuthenticateApiKeyCommand(secret.reveal(), 'demo')

        when:
        authenticate.authenticate(command)

        then:
        authenticate.recognise(command).isEmpty()
    }

    def 'remembering for zero seconds remembers nothing'() {
        given:
        def reading = new AuthenticateApiKey(keys, clock, new RecentApiKeys(Duration.ZERO, clock))
        def command = new AuthenticateApiKeyCommand(secret.reveal(), 'demo')

        when:
        reading.authenticate(command)

        then:
        reading.recognise(command).isEmpty()
    }
}
