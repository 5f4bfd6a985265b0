package io.sluice.webapp

import io.micronaut.context.annotation.Value
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.sluice.application.identity.BootstrapTenant
import io.sluice.application.identity.BootstrapTenantCommand
import io.sluice.domain.tenant.TenantId
import jakarta.inject.Inject
import spock.lang.Specification

import java.sql.DriverManager

import static io.sluice.webapp.TestCredentials.*

/** API key management by supervisors, against the running application. */
@MicronautTest(transactional = false)
class ApiKeysIT extends Specification {

    static final String KEYS = '/demo/api/v4/apikeys'
    static final String OTHER_KEY = 'sk_sluice_key_of_the_other_tenant_000000'

    @Inject
    @Client('/')
    HttpClient client

    @Value('${datasources.default.url}')
    String databaseUrl

    @Inject
    BootstrapTenant bootstrapTenant

    def setup() {
        bootstrapTenant.bootstrap(new BootstrapTenantCommand(TenantId.of('other'), 'other-admin-password', OTHER_KEY))
    }

    def 'a supervisor creates a key whose secret is shown once and then works'() {
        when:
        def created = call(withApiKey(HttpRequest.POST(KEYS, [name: 'nightly import', owner: 'ann', roles: ['batch:run']])))

        then:
        created.status == HttpStatus.CREATED
        created.body.owner == 'ann'
        with(created.body) {
            object == 'api_key'
            name == 'nightly import'
            roles == ['batch:run']
            status == 'active'
            (key as String).startsWith('sk_sluice_')
            (key as String).length() == 'sk_sluice_'.length() + 43
            created_at != null
            last_used_at == null
        }

        when:
        def listed = call(withApiKey(HttpRequest.GET(KEYS))).body.data.find { it.id == created.body.id }

        then:
        !listed.containsKey('key')
        listed.name == 'nightly import'

        when:
        def caller = call(HttpRequest.GET('/demo/api/v4/test-caller')
                .header(KEY_HEADER, created.body.key as String).header(TENANT_HEADER, 'demo')).body

        then:
        caller == [tenant: 'demo', name: 'ann', roles: ['batch:run'], supervisor: false]
        call(withApiKey(HttpRequest.GET(KEYS))).body.data.find { it.id == created.body.id }.last_used_at != null
    }

    def 'a supervisor with a bearer token manages keys too'() {
        when:
        def listed = call(withBearer(client, HttpRequest.GET(KEYS)))

        then:
        listed.status == HttpStatus.OK
        listed.body.data.any { it.name == 'bootstrap' && it.owner == 'admin' && it.roles == ['supervisor:pf'] }
    }

    def 'a revoked key answers 401 from then on'() {
        given:
        def created = call(withApiKey(HttpRequest.POST(KEYS, [name: 'short-lived']))).body
        def withIt = { HttpRequest.GET('/demo/api/v4/test-caller').header(KEY_HEADER, created.key as String).header(TENANT_HEADER, 'demo') }

        expect:
        call(withIt()).status == HttpStatus.OK

        when:
        def revoked = call(withApiKey(HttpRequest.DELETE("${KEYS}/${created.id}")))

        then:
        revoked.status == HttpStatus.NO_CONTENT
        call(withApiKey(HttpRequest.GET(KEYS))).body.data.find { it.id == created.id }.status == 'revoked'

        when:
        def refused = call(withIt())

        then:
        refused.status == HttpStatus.UNAUTHORIZED
        refused.body.code == 'unauthorized'
    }

    def 'a key revoked by another node is accepted here only until this node stops remembering it'() {
        given: 'a key that has just authenticated on this node'
        def created = call(withApiKey(HttpRequest.POST(KEYS, [name: 'elsewhere']))).body
        def withIt = { HttpRequest.GET('/demo/api/v4/test-caller').header(KEY_HEADER, created.key as String).header(TENANT_HEADER, 'demo') }
        call(withIt()).status == HttpStatus.OK

        when: 'another node revokes it in the shared database'
        DriverManager.getConnection(databaseUrl, 'sa', '').withCloseable { connection ->
            connection.prepareStatement('update api_keys set revoked_at = current_timestamp where id = ?').withCloseable {
                it.setObject(1, UUID.fromString(created.id as String))
                assert it.executeUpdate() == 1
            }
        }

        then: 'this node still recognises it from memory'
        call(withIt()).status == HttpStatus.OK

        when: 'the time it is remembered for (5 s) is up'
        Thread.sleep(5_200)

        then:
        call(withIt()).status == HttpStatus.UNAUTHORIZED
    }

    def 'a caller without the supervisor role may not manage keys: #action'() {
        given:
        def worker = call(withApiKey(HttpRequest.POST(KEYS, [name: 'worker', roles: ['batch:run']]))).body.key as String

        when:
        def refused = call(request.header(KEY_HEADER, worker).header(TENANT_HEADER, 'demo'))

        then:
        refused.status == HttpStatus.FORBIDDEN
        refused.body.code == 'supervisor_required'
        refused.contentType == 'application/problem+json'

        where:
        action   | request
        'list'   | HttpRequest.GET(KEYS)
        'create' | HttpRequest.POST(KEYS, [name: 'more'])
        'revoke' | HttpRequest.DELETE("${KEYS}/${UUID.randomUUID()}")
    }

    def "another tenant's key is not found, neither to revoke nor to list"() {
        given:
        def theirs = call(HttpRequest.GET('/other/api/v4/apikeys').header(KEY_HEADER, OTHER_KEY).header(TENANT_HEADER, 'other'))
                .body.data.first()

        when:
        def revoke = call(withApiKey(HttpRequest.DELETE("${KEYS}/${theirs.id}")))

        then:
        revoke.status == HttpStatus.NOT_FOUND
        revoke.body.code == 'api_key_not_found'
        !call(withApiKey(HttpRequest.GET(KEYS))).body.data.any { it.id == theirs.id }
        call(HttpRequest.GET('/other/api/v4/apikeys').header(KEY_HEADER, OTHER_KEY).header(TENANT_HEADER, 'other'))
                .body.data.find { it.id == theirs.id }.status == 'active'
    }

    def "a supervisor of another tenant finds nothing on this tenant's keys"() {
        when:
        def refused = call(HttpRequest.GET(KEYS).header(KEY_HEADER, OTHER_KEY).header(TENANT_HEADER, 'other'))

        then:
        refused.status == HttpStatus.NOT_FOUND
        refused.body.code == 'not_found'
    }

    def 'revoking an unknown or malformed id answers 404 problem+json'() {
        expect:
        with(call(withApiKey(HttpRequest.DELETE("${KEYS}/${id}")))) {
            status == HttpStatus.NOT_FOUND
            body.code == 'api_key_not_found'
        }

        where:
        id << [UUID.randomUUID().toString(), 'not-a-uuid']
    }

    def 'a malformed key request answers 400 problem+json'() {
        when:
        def refused = call(withApiKey(HttpRequest.POST(KEYS, body)))

        then:
        refused.status == HttpStatus.BAD_REQUEST
        refused.body.code == 'invalid_api_key_request'

        where:
        body << [[:], [name: ' '], [name: 'k', roles: ['has space']], [name: 'k', owner: 'not a user']]
    }

    def 'a dump of the database holds no password or API key in clear'() {
        given:
        def created = call(withApiKey(HttpRequest.POST(KEYS, [name: 'dumped']))).body.key as String

        when:
        def dump = new StringBuilder()
        DriverManager.getConnection(databaseUrl, 'sa', '').withCloseable { connection ->
            connection.createStatement().withCloseable { statement ->
                def rows = statement.executeQuery('SCRIPT')
                while (rows.next()) {
                    dump.append(rows.getString(1)).append('\n')
                }
            }
        }

        then:
        dump.toString().toLowerCase().contains('insert into "public"."api_keys"')
        dump.contains('argon2id')
        [ADMIN_PASSWORD, API_KEY, OTHER_KEY, 'other-admin-password', created].every { secret ->
            !dump.contains(secret) && !dump.contains(secret.substring(10))
        }
    }

    private Map call(MutableHttpRequest<?> request) {
        try {
            def response = client.toBlocking().exchange(request, Map)
            [status: response.status, body: response.getBody(Map).orElse([:])]
        } catch (HttpClientResponseException e) {
            [status     : e.status, body: e.response.getBody(Map).orElse([:]),
             contentType: e.response.contentType.map { it.toString() }.orElse(null)]
        }
    }
}
