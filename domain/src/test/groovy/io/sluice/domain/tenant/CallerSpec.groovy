package io.sluice.domain.tenant

import spock.lang.Specification

class CallerSpec extends Specification {

    static final demo = TenantId.of('demo')

    def 'a supervisor sees every batch of its own tenant'() {
        given:
        def caller = new Caller(demo, 'admin', [Caller.SUPERVISOR] as Set)

        expect:
        caller.isSupervisor()
        caller.canSee(demo, 'someone-else')
        !caller.canSee(TenantId.of('other'), 'admin')
    }

    def 'anyone else sees only what they own'() {
        given:
        def caller = new Caller(demo, 'ann', [] as Set)

        expect:
        !caller.isSupervisor()
        caller.canSee(demo, 'ann')
        !caller.canSee(demo, 'bob')
    }

    def 'a caller needs a tenant and a name'() {
        when:
        new Caller(tenant, name, [] as Set)

        then:
        thrown(expected)

        where:
        tenant | name  | expected
        null   | 'ann' | NullPointerException
        demo   | ' '   | IllegalArgumentException
        demo   | null  | IllegalArgumentException
    }
}
