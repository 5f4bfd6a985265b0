package io.sluice.application.port

import io.sluice.domain.identity.ApiKey
import io.sluice.domain.identity.ApiKeySecret
import io.sluice.domain.identity.FailedLogins
import io.sluice.domain.identity.UserAccount
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.security.SecureRandom
import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * What every implementation of the identity ports promises: {@link TenantRepository},
 * {@link UserRepository}, {@link ApiKeyRepository} and {@link SigningKeyRepository}. The in-memory
 * fakes and the JDBC adapters (on H2 and on PostgreSQL) each extend it.
 */
abstract class IdentityStoresContract extends Specification {

    static final demo = TenantId.of('demo')
    static final other = TenantId.of('other')
    static final t0 = Instant.parse('2026-01-01T10:00:00Z')

    abstract TenantRepository tenants()

    abstract UserRepository users()

    abstract ApiKeyRepository apiKeys()

    abstract SigningKeyRepository signingKeys()

    abstract LoginAttempts loginAttempts()

    def setup() {
        tenants().create(demo, t0)
        tenants().create(other, t0)
    }

    def 'a tenant is created once'() {
        given:
        def fresh = TenantId.of('fresh-' + UUID.randomUUID().toString().substring(0, 8))

        expect:
        !tenants().exists(fresh)
        tenants().create(fresh, t0)
        tenants().exists(fresh)
        !tenants().create(fresh, t0.plusSeconds(1))
    }

    def 'a user is found by tenant and username, and only there'() {
        given:
        def ann = new UserAccount(demo, 'ann', 'hash-of-ann', [Caller.SUPERVISOR, 'batch:run'] as Set, t0)

        when:
        def added = users().add(ann)

        then:
        added
        users().find(demo, 'ann').get() == ann
        users().find(other, 'ann').isEmpty()
        users().find(demo, 'bob').isEmpty()
    }

    def 'a username is unique within its tenant, not across tenants'() {
        expect:
        users().add(new UserAccount(demo, 'carl', 'h1', [] as Set, t0))
        !users().add(new UserAccount(demo, 'carl', 'h2', [] as Set, t0))
        users().add(new UserAccount(other, 'carl', 'h3', [] as Set, t0))
        users().find(demo, 'carl').get().passwordHash() == 'h1'
        users().find(other, 'carl').get().passwordHash() == 'h3'
    }

    def 'a key is found by its lookup with every field as stored'() {
        given:
        def secret = ApiKeySecret.generate(new SecureRandom())
        def key = ApiKey.issue(UUID.randomUUID(), demo, 'import job', 'ann', ['batch:run', 'x:y'] as Set, secret, t0)

        when:
        apiKeys().add(key)

        then:
        apiKeys().findByLookup(secret.lookup()) == [key]
        apiKeys().find(demo, key.id()).get() == key
        apiKeys().findByLookup(ApiKeySecret.generate(new SecureRandom()).lookup()).isEmpty()
    }

    def 'another tenant cannot see, revoke or touch a key'() {
        given:
        def key = aKey(demo, t0)

        expect:
        apiKeys().find(other, key.id()).isEmpty()
        !apiKeys().list(other).any { it.id() == key.id() }
        !apiKeys().revoke(other, key.id(), t0.plusSeconds(5))

        when:
        apiKeys().recordUse(other, key.id(), t0.plusSeconds(5))

        then:
        with(apiKeys().find(demo, key.id()).get()) {
            !isRevoked()
            lastUsedAt() == null
        }
    }

    def 'a tenant lists its own keys, oldest first'() {
        given:
        def tenant = TenantId.of('lister-' + UUID.randomUUID().toString().substring(0, 8))
        tenants().create(tenant, t0)
        def second = aKey(tenant, t0.plusSeconds(10))
        def first = aKey(tenant, t0)
        aKey(other, t0)

        expect:
        apiKeys().list(tenant)*.id() == [first.id(), second.id()]
    }

    def 'a revoked key stays revoked at its first revocation time'() {
        given:
        def key = aKey(demo, t0)

        when:
        def revoked = apiKeys().revoke(demo, key.id(), t0.plusSeconds(5))
        def again = apiKeys().revoke(demo, key.id(), t0.plusSeconds(9))

        then:
        revoked
        again
        apiKeys().find(demo, key.id()).get().revokedAt() == t0.plusSeconds(5)
        !apiKeys().revoke(demo, UUID.randomUUID(), t0)
    }

    def 'the last use of a key is recorded'() {
        given:
        def key = aKey(demo, t0)
        def used = t0.plus(3, ChronoUnit.MINUTES)

        when:
        apiKeys().recordUse(demo, key.id(), used)

        then:
        apiKeys().find(demo, key.id()).get().lastUsedAt() == used
    }

    def 'a signing key is stored once and then only read'() {
        given:
        def name = 'key-' + UUID.randomUUID()

        expect:
        signingKeys().find(name).isEmpty()
        signingKeys().addIfAbsent(name, 'c2VjcmV0', t0)
        !signingKeys().addIfAbsent(name, 'b3RoZXI=', t0)
        signingKeys().find(name).get() == 'c2VjcmV0'
    }

    ApiKey aKey(TenantId tenant, Instant createdAt) {
        def key = ApiKey.issue(UUID.randomUUID(), tenant, 'a key', 'ann', [] as Set,
                ApiKeySecret.generate(new SecureRandom()), createdAt)
        apiKeys().add(key)
        key
    }

    def 'failed logins are counted per tenant and name, whether or not the user exists, and cleared'() {
        given:
        def name = 'guessed-' + UUID.randomUUID().toString().substring(0, 8)

        expect:
        loginAttempts().failures(demo, name).isEmpty()
        loginAttempts().recordFailure(demo, name, t0).count() == 1
        loginAttempts().recordFailure(demo, name, t0.plusSeconds(5)) == new FailedLogins(2, t0.plusSeconds(5))
        loginAttempts().failures(demo, name).get() == new FailedLogins(2, t0.plusSeconds(5))
        loginAttempts().failures(other, name).isEmpty()

        when:
        loginAttempts().clear(demo, name)

        then:
        loginAttempts().failures(demo, name).isEmpty()
    }

    def 'concurrent failures of one name are all counted'() {
        given:
        def name = 'raced-' + UUID.randomUUID().toString().substring(0, 8)

        when:
        def threads = (1..8).collect { n -> Thread.start { 5.times { loginAttempts().recordFailure(demo, name, t0.plusSeconds(n)) } } }
        threads*.join()

        then:
        loginAttempts().failures(demo, name).get().count() == 40
    }

    def 'names whose last failure is old are forgotten, recent ones kept'() {
        given:
        def old = 'old-' + UUID.randomUUID().toString().substring(0, 8)
        def recent = 'recent-' + UUID.randomUUID().toString().substring(0, 8)
        loginAttempts().recordFailure(demo, old, t0.minus(2, ChronoUnit.DAYS))
        loginAttempts().recordFailure(demo, recent, t0)

        when:
        def forgotten = loginAttempts().forgetBefore(t0.minus(1, ChronoUnit.DAYS))

        then:
        forgotten >= 1
        loginAttempts().failures(demo, old).isEmpty()
        loginAttempts().failures(demo, recent).present
    }

    def 'a name as long as any a login may send is counted'() {
        given:
        def name = 'x' * 1000

        expect:
        loginAttempts().recordFailure(demo, name, t0).count() == 1
        loginAttempts().failures(demo, name).present
    }
}
