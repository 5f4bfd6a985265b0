package io.sluice.domain.tenant

import spock.lang.Specification

class TenantIdSpec extends Specification {

    def 'a tenant name is kept as given'() {
        expect:
        TenantId.of('demo-2').value() == 'demo-2'
        TenantId.of('demo').toString() == 'demo'
    }

    def 'a malformed tenant name is refused: #name'() {
        when:
        TenantId.of(name)

        then:
        thrown(expected)

        where:
        name          | expected
        null          | NullPointerException
        ''            | IllegalArgumentException
        'Demo'        | IllegalArgumentException
        '-demo'       | IllegalArgumentException
        'de mo'       | IllegalArgumentException
        'a' * 64      | IllegalArgumentException
    }
}
