package io.sluice.webapp

import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import io.sluice.application.port.PasswordHasher
import io.sluice.application.port.UserRepository
import io.sluice.domain.identity.UserAccount
import io.sluice.domain.tenant.TenantId
import jakarta.inject.Inject
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant

import static io.sluice.webapp.TestCredentials.*
import static io.sluice.webapp.TestIdentityProvider.claims
import static io.sluice.webapp.TestIdentityProvider.hmac
import static io.sluice.webapp.TestIdentityProvider.tampered
import static io.sluice.webapp.TestIdentityProvider.unsigned

/**
 * Who gets in, against the running application: passwords, API keys, Sluice's own tokens and an
 * external identity provider's (JWKS, with its own names for the tenant, user and role claims).
 */
@MicronautTest(transactional = false)
class SecurityIT extends Specification implements TestPropertyProvider {

    static final String ECHO = '/demo/api/v4/test-caller'
    static final String OWN_SECRET = 'a-test-signing-secret-of-at-least-32-bytes!'
    static final String PREVIOUS_SECRET = 'the-secret-in-force-before-the-rotation-000'

    @Shared
    @AutoCleanup
    TestIdentityProvider provider = new TestIdentityProvider()

    @Inject
    @Client('/')
    HttpClient client

    @Inject
    UserRepository users

    @Inject
    PasswordHasher hasher

    @Override
    Map<String, String> getProperties() {
        ['micronaut.security.token.jwt.signatures.jwks.idp.url': provider.jwksUrl(),
         'sluice.security.identity-provider.issuer'            : TestIdentityProvider.ISSUER,
         'sluice.security.identity-provider.audience'          : TestIdentityProvider.AUDIENCE,
         'sluice.security.claims.tenant'                       : 'org',
         'micronaut.security.token.roles-name'                 : 'groups',
         'micronaut.security.token.name-key'                   : 'preferred_username',
         'sluice.security.token.secret'                        : OWN_SECRET,
         'sluice.security.token.previous-secret'               : PREVIOUS_SECRET]
    }

    def 'the bootstrap supervisor logs in and gets a bearer token'() {
        when:
        def response = client.toBlocking().retrieve(
                HttpRequest.POST('/login', [tenant: TENANT, username: ADMIN, password: ADMIN_PASSWORD]), Map)

        then:
        response.token_type == 'Bearer'
        response.expires_in == 3600
        (response.access_token as String).count('.') == 2
    }

    def 'a bearer token from the login binds its caller'() {
        expect:
        echo(withBearer(client, HttpRequest.GET(ECHO))) == [tenant: 'demo', name: 'admin', roles: ['supervisor:pf'], supervisor: true]
    }

    def 'the bootstrap API key binds its caller'() {
        expect:
        echo(withApiKey(HttpRequest.GET(ECHO))) == [tenant: 'demo', name: 'admin', roles: ['supervisor:pf'], supervisor: true]
    }

    def "a token of the organisation's identity provider binds the caller its claims name"() {
        expect:
        echo(HttpRequest.GET(ECHO).bearerAuth(provider.token())) == [tenant: 'demo', name: 'carol', roles: ['supervisor:pf'], supervisor: true]
    }

    def 'a token expired or not yet valid by less than the clock skew is accepted'() {
        expect:
        echo(HttpRequest.GET(ECHO).bearerAuth(provider.token(claims(exp: Instant.now().minusSeconds(20))))).name == 'carol'
        echo(HttpRequest.GET(ECHO).bearerAuth(provider.token(claims(nbf: Instant.now().plusSeconds(20))))).name == 'carol'
    }

    def 'a wrong login answers 401 problem+json'() {
        when:
        def problem = failing(HttpRequest.POST('/login', [tenant: tenant, username: username, password: password]))

        then:
        problem.status == HttpStatus.UNAUTHORIZED
        problem.body.code == 'invalid_credentials'
        problem.contentType == 'application/problem+json'

        where:
        tenant  | username | password
        'demo'  | 'admin'  | 'wrong-password'
        'demo'  | 'nobody' | ADMIN_PASSWORD
        'other' | 'admin'  | ADMIN_PASSWORD
        'BAD!'  | 'admin'  | ADMIN_PASSWORD
    }

    def 'from the fifth failed login in a row a username is locked: 429 with Retry-After, even for the right password'() {
        given: 'a user of its own, so that no other spec is locked out'
        def name = 'guarded-' + UUID.randomUUID().toString().substring(0, 8)
        users.add(new UserAccount(TenantId.of(TENANT), name, hasher.hash('the-right-password'), ['batch:run'] as Set, Instant.now()))
        def attempt = { String password -> HttpRequest.POST('/login', [tenant: TENANT, username: name, password: password]) }

        when: 'five wrong guesses, then the right password at once'
        def guesses = (1..5).collect { failing(attempt('guess-' + it)) }
        def locked = failing(attempt('the-right-password'))

        then:
        guesses*.status == [HttpStatus.UNAUTHORIZED] * 5
        locked.status == HttpStatus.TOO_MANY_REQUESTS
        locked.body.code == 'too_many_login_attempts'
        locked.contentType == 'application/problem+json'
        locked.retryAfter == '1'

        when: 'the lock has passed'
        Thread.sleep(1100)
        def token = client.toBlocking().retrieve(attempt('the-right-password'), Map)

        then: 'the right password logs in, and the failures are forgotten: two more guesses are free again'
        token.access_token
        failing(attempt('one-more-guess')).status == HttpStatus.UNAUTHORIZED
        failing(attempt('and-another')).status == HttpStatus.UNAUTHORIZED
    }

    def 'an incomplete login answers 400 problem+json'() {
        when:
        def problem = failing(HttpRequest.POST('/login', [tenant: 'demo', username: 'admin']))

        then:
        problem.status == HttpStatus.BAD_REQUEST
        problem.body.code == 'invalid_request'
    }

    def 'a request without usable credentials answers 401 problem+json: #what'() {
        when:
        def problem = failing(request)

        then:
        problem.status == HttpStatus.UNAUTHORIZED
        problem.body.code == 'unauthorized'
        problem.body.status == 401
        problem.contentType == 'application/problem+json'

        where:
        what                           | request
        'no credentials'               | HttpRequest.GET(ECHO)
        'no credentials, unknown path' | HttpRequest.GET('/demo/api/v4/nothing-here')
        'an unknown key'               | HttpRequest.GET(ECHO).header(KEY_HEADER, 'sk_sluice_unknown_0000000000000000000000').header(TENANT_HEADER, 'demo')
        'a key without tenant header'  | HttpRequest.GET(ECHO).header(KEY_HEADER, API_KEY)
        'a key with another tenant'    | HttpRequest.GET(ECHO).header(KEY_HEADER, API_KEY).header(TENANT_HEADER, 'other')
        'a malformed key'              | HttpRequest.GET(ECHO).header(KEY_HEADER, 'short').header(TENANT_HEADER, 'demo')
        'a garbage bearer token'       | HttpRequest.GET(ECHO).bearerAuth('not-a-token')
    }

    def 'a forged or invalid token answers 401 problem+json: #what'() {
        when:
        def problem = failing(HttpRequest.GET(ECHO).bearerAuth(token.call(this) as String))

        then:
        problem.status == HttpStatus.UNAUTHORIZED
        problem.body.code == 'unauthorized'

        where:
        what                                        | token
        'alg none'                                  | { unsigned(claims()) }
        'alg none with our own issuer'              | { unsigned(claims(iss: 'sluice', aud: null)) }
        'a tampered payload (own token)'            | { tampered(bearerToken(it.client), [groups: ['supervisor:pf', 'x'], org: 'other']) }
        'a tampered payload (provider token)'       | { tampered(it.provider.token(), [preferred_username: 'mallory']) }
        'HS256 signed with the provider public key' | { it.provider.hmacWithThePublicKey() }
        'RS256 signed by a stranger, same key id'   | { it.provider.tokenOfAStranger() }
        'HS256 signed with another secret'          | { hmac(claims(iss: 'sluice', aud: null), 'another-secret-that-sluice-never-saw-012345') }
        'expired beyond the clock skew'             | { it.provider.token(claims(exp: Instant.now().minusSeconds(300))) }
        'not valid before a time beyond the skew'   | { it.provider.token(claims(nbf: Instant.now().plusSeconds(300))) }
        'without expiry'                            | { it.provider.token(claims(exp: null)) }
        'of an unknown issuer'                      | { it.provider.token(claims(iss: 'https://elsewhere.test')) }
        'for another audience'                      | { it.provider.token(claims(aud: ['someone-else'])) }
        'without tenant claim'                      | { it.provider.token(claims(org: null)) }
        'with a malformed tenant claim'             | { it.provider.token(claims(org: 'Not A Tenant')) }
        'own token, expired'                        | { hmac(claims(iss: 'sluice', aud: null, exp: Instant.now().minusSeconds(300)), OWN_SECRET) }
    }

    def 'our own secret signs tokens that are accepted, so the forgeries above fail for their flaw alone'() {
        expect:
        echo(HttpRequest.GET(ECHO).bearerAuth(hmac(claims(iss: 'sluice', aud: null), OWN_SECRET))).name == 'carol'
    }

    def 'during a rotation tokens signed with the previous secret are still accepted'() {
        expect:
        echo(HttpRequest.GET(ECHO).bearerAuth(hmac(claims(iss: 'sluice', aud: null), PREVIOUS_SECRET))).name == 'carol'
    }

    def 'valid credentials on another tenant path answer 404 problem+json: #kind'() {
        given:
        def request = HttpRequest.GET('/other/api/v4/test-caller')

        when:
        def problem = failing(credentials.call(this, request) as MutableHttpRequest)

        then:
        problem.status == HttpStatus.NOT_FOUND
        problem.body.code == 'not_found'
        problem.contentType == 'application/problem+json'

        where:
        kind                | credentials
        'API key'           | { spec, r -> withApiKey(r) }
        'own bearer token'  | { spec, r -> withBearer(spec.client, r) }
        'provider token'    | { spec, r -> r.bearerAuth(spec.provider.token()) }
    }

    def 'another tenant path answers 404 even where the controller binds no caller'() {
        when:
        def problem = failing(withApiKey(HttpRequest.GET('/other/api/v4/test-no-caller')))

        then:
        problem.status == HttpStatus.NOT_FOUND
        problem.body.code == 'not_found'
        echo(withApiKey(HttpRequest.GET('/demo/api/v4/test-no-caller'))) == [tenant: 'demo']
    }

    def 'a provider token for another tenant finds nothing on this tenant path'() {
        when:
        def problem = failing(HttpRequest.GET(ECHO).bearerAuth(provider.token(claims(org: 'other'))))

        then:
        problem.status == HttpStatus.NOT_FOUND
        problem.body.code == 'not_found'
    }

    def 'errors the framework answers itself are problem+json with a code too: #what'() {
        when:
        def problem = failing(request)

        then:
        problem.status.code == status
        problem.body.code == code
        problem.body.status == status
        problem.contentType == 'application/problem+json'

        where:
        what                          | request                                                                                  | status | code
        'an unknown path'             | withApiKey(HttpRequest.GET('/demo/api/v4/nothing-here'))                                 | 404    | 'not_found'
        'a login that is not JSON'    | HttpRequest.POST('/login', 'tenant=demo').contentType('application/x-www-form-urlencoded') | 415    | 'unsupported_media_type'
        'a login that is broken JSON' | HttpRequest.POST('/login', '{"tenant":').contentType('application/json')                  | 400    | 'bad_request'
    }

    def 'health answers without credentials'() {
        expect:
        client.toBlocking().retrieve('/health', Map).status == 'UP'
    }

    private Map echo(MutableHttpRequest<?> request) {
        client.toBlocking().retrieve(request, Map)
    }

    private Map failing(MutableHttpRequest<?> request) {
        try {
            def response = client.toBlocking().exchange(request, Map)
            throw new AssertionError("expected a failure, got ${response.status}")
        } catch (HttpClientResponseException e) {
            [status     : e.status, body: e.response.getBody(Map).orElse([:]),
             contentType: e.response.contentType.map { it.toString() }.orElse(null),
             retryAfter : e.response.header('Retry-After')]
        }
    }
}
