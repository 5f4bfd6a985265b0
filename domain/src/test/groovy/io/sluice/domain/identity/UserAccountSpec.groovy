package io.sluice.domain.identity

import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Instant

class UserAccountSpec extends Specification {

    static final demo = TenantId.of('demo')

    def 'a user acts as a caller of its tenant with its roles'() {
        when:
        def caller = new UserAccount(demo, 'admin', '$argon2id$...', [Caller.SUPERVISOR] as Set, Instant.EPOCH).caller()

        then:
        caller.tenant() == demo
        caller.name() == 'admin'
        caller.isSupervisor()
    }

    def 'a user needs a legal username and a password hash'() {
        when:
        new UserAccount(demo, username, hash, [] as Set, Instant.EPOCH)

        then:
        thrown(IllegalArgumentException)

        where:
        username   | hash
        ''         | 'h'
        '-leading' | 'h'
        'admin'    | ' '
        'admin'    | null
    }
}
