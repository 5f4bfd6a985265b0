package io.sluice.application.identity

import io.sluice.application.port.fake.InMemoryUserRepository
import io.sluice.application.port.fake.ReversingPasswordHasher
import io.sluice.domain.identity.UserAccount
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Instant

class LoginSpec extends Specification {

    static final demo = TenantId.of('demo')

    final users = new InMemoryUserRepository()
    final hasher = new ReversingPasswordHasher()
    final login = new Login(users, hasher)

    def setup() {
        users.add(new UserAccount(demo, 'admin', hasher.hash('s3cret-pass'), [Caller.SUPERVISOR] as Set, Instant.EPOCH))
    }

    def 'the right password logs the user in as its caller'() {
        expect:
        login.login(new LoginCommand(demo, 'admin', 's3cret-pass')).get() == new Caller(demo, 'admin', [Caller.SUPERVISOR] as Set)
    }

    def 'a wrong password, unknown user or other tenant logs no one in'() {
        expect:
        login.login(new LoginCommand(TenantId.of(tenant), username, password)).isEmpty()

        where:
        tenant  | username | password
        'demo'  | 'admin'  | 'wrong'
        'demo'  | 'nobody' | 's3cret-pass'
        'other' | 'admin'  | 's3cret-pass'
    }

    def 'a login never prints its password'() {
        expect:
        !new LoginCommand(demo, 'admin', 'visible?').toString().contains('visible?')
    }

    def 'a login needs a username and a password'() {
        when:
        new LoginCommand(demo, username, password)

        then:
        thrown(IllegalArgumentException)

        where:
        username | password
        ''       | 'x'
        'admin'  | ''
        'admin'  | null
    }
}
