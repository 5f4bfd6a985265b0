package io.sluice.application.identity

import io.sluice.application.port.fake.InMemoryApiKeyRepository
import io.sluice.application.port.fake.SettableClock
import io.sluice.domain.identity.ApiKeySecret
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Duration

class ApiKeyManagementSpec extends Specification {

    static final demo = TenantId.of('demo')
    static final supervisor = new Caller(demo, 'admin', [Caller.SUPERVISOR] as Set)
    static final worker = new Caller(demo, 'ann', ['batch:run'] as Set)

    final keys = new InMemoryApiKeyRepository()
    final clock = new SettableClock()
    final create = new CreateApiKey(keys, clock)
    final list = new ListApiKeys(keys)
    final recent = new RecentApiKeys(Duration.ofSeconds(5), clock)
    final revoke = new RevokeApiKey(keys, clock, recent)
    final authenticate = new AuthenticateApiKey(keys, clock, recent)

    def 'a supervisor creates a key whose secret is shown once and stored only as a hash'() {
        when:
        def created = create.create(new CreateApiKeyCommand(supervisor, 'nightly import', 'ann', ['batch:run'] as Set))

        then:
        created.secret().startsWith(ApiKeySecret.PREFIX)
        created.key().secretHash() == ApiKeySecret.of(created.secret()).hash()
        created.key().owner() == 'ann'
        created.key().createdAt() == clock.now()
        !created.toString().contains(created.secret())
        authenticate.authenticate(new AuthenticateApiKeyCommand(created.secret(), 'demo')).get().name() == 'ann'
    }

    def 'a key without an owner belongs to its creator'() {
        expect:
        create.create(new CreateApiKeyCommand(supervisor, 'mine', null, [] as Set)).key().owner() == 'admin'
    }

    def 'a supervisor lists the keys of its tenant only'() {
        given:
        create.create(new CreateApiKeyCommand(supervisor, 'one', null, [] as Set))
        create.create(new CreateApiKeyCommand(new Caller(TenantId.of('other'), 'boss', [Caller.SUPERVISOR] as Set), 'theirs', null, [] as Set))

        expect:
        list.list(supervisor)*.name() == ['one']
    }

    def 'a revoked key authenticates no one any more'() {
        given:
        def created = create.create(new CreateApiKeyCommand(supervisor, 'one', null, [] as Set))

        when:
        revoke.revoke(new RevokeApiKeyCommand(supervisor, created.key().id()))

        then:
        list.list(supervisor).first().isRevoked()
        authenticate.authenticate(new AuthenticateApiKeyCommand(created.secret(), 'demo')).isEmpty()
    }

    def 'a key revoked after it authenticated is recognised no longer on this node'() {
        given:
        def created = create.create(new CreateApiKeyCommand(supervisor, 'one', null, [] as Set))
        def command = new AuthenticateApiKeyCommand(created.secret(), 'demo')
        authenticate.authenticate(command)

        expect:
        authenticate.recognise(command).isPresent()

        when:
        revoke.revoke(new RevokeApiKeyCommand(supervisor, created.key().id()))

        then:
        authenticate.recognise(command).isEmpty()
        authenticate.authenticate(command).isEmpty()
    }

    def 'revoking a key of another tenant is like revoking none'() {
        given:
        def theirs = create.create(new CreateApiKeyCommand(new Caller(TenantId.of('other'), 'boss', [Caller.SUPERVISOR] as Set), 'theirs', null, [] as Set))

        when:
        revoke.revoke(new RevokeApiKeyCommand(supervisor, theirs.key().id()))

        then:
        thrown(ApiKeyNotFoundException)
        !keys.keys[theirs.key().id()].isRevoked()
    }

    def 'only a supervisor manages keys'() {
        when:
        action(this)

        then:
        thrown(SupervisorRequiredException)

        where:
        action << [
                { it.create.create(new CreateApiKeyCommand(worker, 'k', null, [] as Set)) },
                { it.list.list(worker) },
                { it.revoke.revoke(new RevokeApiKeyCommand(worker, UUID.randomUUID())) }]
    }

    def 'a key needs a name and roles of legal shape'() {
        when:
        new CreateApiKeyCommand(supervisor, name, null, roles as Set)

        then:
        thrown(IllegalArgumentException)

        where:
        name | roles
        ''   | []
        'k'  | ['has space']
        'k'  | ['a,b']
    }
}
