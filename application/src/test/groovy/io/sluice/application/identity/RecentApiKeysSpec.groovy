package io.sluice.application.identity

import io.sluice.application.port.fake.SettableClock
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Duration

class RecentApiKeysSpec extends Specification {

    static final demo = TenantId.of('demo')
    static final ann = new Caller(demo, 'ann', ['batch:run'] as Set)

    final clock = new SettableClock()
    final recent = new RecentApiKeys(Duration.ofSeconds(5), clock)
    final keyId = UUID.randomUUID()

    def 'a key is remembered under its secret hash and tenant for the time to live'() {
        when:
        recent.remember('hash', demo, keyId, ann, recent.forgotten())

        then:
        recent.find('hash', demo).get() == ann
        recent.find('hash', TenantId.of('other')).isEmpty()
        recent.find('other-hash', demo).isEmpty()

        when:
        clock.advance(Duration.ofMillis(4999))

        then:
        recent.find('hash', demo).isPresent()

        when:
        clock.advance(Duration.ofMillis(1))

        then:
        recent.find('hash', demo).isEmpty()
    }

    def 'forgetting a key drops it under every tenant it was sent with'() {
        given:
        recent.remember('hash', demo, keyId, ann, recent.forgotten())
        recent.remember('other-hash', demo, UUID.randomUUID(), ann, recent.forgotten())

        when:
        recent.forget(keyId)

        then:
        recent.find('hash', demo).isEmpty()
        recent.find('other-hash', demo).isPresent()
    }

    def 'a key read before another was forgotten is not remembered: it may be the one revoked'() {
        given: 'a request read the key, then the key was revoked before the request remembered it'
        def before = recent.forgotten()
        recent.forget(keyId)

        when:
        recent.remember('hash', demo, keyId, ann, before)

        then:
        recent.find('hash', demo).isEmpty()

        when: 'a request that read the key after that remembers it'
        recent.remember('hash', demo, keyId, ann, recent.forgotten())

        then:
        recent.find('hash', demo).isPresent()
    }

    def 'at most the capacity is remembered'() {
        when:
        (1..RecentApiKeys.CAPACITY + 500).each { recent.remember("hash-$it", demo, UUID.randomUUID(), ann, 0) }

        then:
        (1..RecentApiKeys.CAPACITY + 500).count { recent.find("hash-$it", demo).isPresent() } <= RecentApiKeys.CAPACITY
    }

    def 'a negative time to live is refused'() {
        when:
        new RecentApiKeys(Duration.ofSeconds(-1), clock)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('must not be negative')
    }
}
