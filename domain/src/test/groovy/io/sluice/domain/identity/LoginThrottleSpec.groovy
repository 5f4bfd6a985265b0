package io.sluice.domain.identity

import spock.lang.Specification

import java.time.Duration
import java.time.Instant

class LoginThrottleSpec extends Specification {

    static final Instant T = Instant.parse('2026-01-01T10:00:00Z')

    def throttle = LoginThrottle.standard()

    def 'after #failures consecutive failures the name is locked for #seconds s'() {
        expect:
        throttle.lockedUntil(new FailedLogins(failures, T)) == T.plusSeconds(seconds)

        where:
        failures || seconds
        1        || 0
        4        || 0
        5        || 1
        6        || 2
        7        || 4
        14       || 512
        15       || 900
        40       || 900
        10_000   || 900
    }

    def 'a throttle must lock at some point and for a positive time'() {
        when:
        new LoginThrottle(lockFrom, Duration.ofSeconds(first), Duration.ofSeconds(longest))

        then:
        thrown(IllegalArgumentException)

        where:
        lockFrom | first | longest
        0        | 1     | 10
        5        | 0     | 10
        5        | 10    | 5
    }

    def 'failed logins count from one'() {
        when:
        new FailedLogins(0, T)

        then:
        thrown(IllegalArgumentException)
    }
}
