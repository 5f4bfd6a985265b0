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
    final authenticate = new AuthenticateApiKey(keys, clock)
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
}
