package io.sluice.application.identity

import io.sluice.application.port.fake.InMemoryLoginAttempts
import io.sluice.application.port.fake.InMemoryUserRepository
import io.sluice.application.port.fake.SettableClock
import io.sluice.application.port.fake.ReversingPasswordHasher
import io.sluice.domain.identity.UserAccount
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

class LoginSpec extends Specification {

    static final demo = TenantId.of('demo')

    final users = new InMemoryUserRepository()
    final hasher = new ReversingPasswordHasher()
    final attempts = new InMemoryLoginAttempts()
    final clock = new SettableClock()
    final login = new Login(users, hasher, attempts, clock)

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

    def 'from the fifth failure in a row a name is locked, even for the right password, and the lock grows'() {
        when: 'five wrong guesses'
        5.times { assert login.login(new LoginCommand(demo, 'admin', 'guess')).isEmpty() }
        login.login(new LoginCommand(demo, 'admin', 's3cret-pass'))

        then: 'the name is locked for a second'
        def locked = thrown(LoginThrottledException)
        locked.retryAfter() == Duration.ofSeconds(1)

        when: 'the second passes and the guesser tries again, wrongly'
        clock.advance(Duration.ofSeconds(1))
        login.login(new LoginCommand(demo, 'admin', 'guess'))
        login.login(new LoginCommand(demo, 'admin', 's3cret-pass'))

        then: 'the next lock lasts twice as long'
        def again = thrown(LoginThrottledException)
        again.retryAfter() == Duration.ofSeconds(2)
    }

    def 'a locked name is refused without looking at its password'() {
        given:
        5.times { login.login(new LoginCommand(demo, 'admin', 'guess')) }
        def hashed = hasher.comparisons

        when:
        login.login(new LoginCommand(demo, 'admin', 'another guess'))

        then:
        thrown(LoginThrottledException)
        hasher.comparisons == hashed
        attempts.failures(demo, 'admin').get().count() == 5
    }

    def 'a success forgets the failures before it'() {
        given:
        4.times { login.login(new LoginCommand(demo, 'admin', 'guess')) }

        when:
        def caller = login.login(new LoginCommand(demo, 'admin', 's3cret-pass'))

        then:
        caller.present
        attempts.failures(demo, 'admin').isEmpty()
    }

    def 'unknown names are locked alike, so a lock tells nothing about who exists'() {
        given:
        5.times { login.login(new LoginCommand(demo, 'nobody', 'guess')) }

        when:
        login.login(new LoginCommand(demo, 'nobody', 'guess'))

        then:
        thrown(LoginThrottledException)

        and: 'other names and other tenants are not held up'
        login.login(new LoginCommand(demo, 'admin', 's3cret-pass')).present
    }

    def 'failures older than a day are forgotten'() {
        given:
        5.times { login.login(new LoginCommand(demo, 'nobody', 'guess')) }

        when: 'a day later another name fails, and then the old ones are swept'
        clock.advance(Login.FORGET_AFTER.plusSeconds(1))
        login.login(new LoginCommand(demo, 'admin', 'guess'))
        def forgotten = login.forgetOldFailures()

        then:
        forgotten == 1
        attempts.failures(demo, 'nobody').isEmpty()
        attempts.failures(demo, 'admin').get().count() == 1
    }

    def 'a failed login writes only its own count: sweeping old names is left to a timer'() {
        given:
        5.times { login.login(new LoginCommand(demo, 'nobody', 'guess')) }
        clock.advance(Login.FORGET_AFTER.plusSeconds(1))

        when:
        login.login(new LoginCommand(demo, 'admin', 'guess'))

        then:
        attempts.failures(demo, 'nobody').present
    }
}
