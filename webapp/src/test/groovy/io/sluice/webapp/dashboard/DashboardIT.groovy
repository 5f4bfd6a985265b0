package io.sluice.webapp.dashboard

import io.micronaut.runtime.server.EmbeddedServer
import io.sluice.application.port.PasswordHasher
import io.sluice.application.port.UserRepository
import io.sluice.domain.identity.UserAccount
import io.sluice.domain.tenant.TenantId
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

import static io.sluice.webapp.TestCredentials.*

@MicronautTest(transactional = false)
class DashboardIT extends Specification {

    @Inject
    EmbeddedServer server

    @Inject
    UserRepository users

    @Inject
    PasswordHasher hasher

    WebSession browser

    static final String ANALYST = 'analyst'
    static final String ANALYST_PASSWORD = 'analyst-password'

    def setup() {
        browser = new WebSession(server.URI)
        users.add(new UserAccount(TenantId.of(TENANT), ANALYST, hasher.hash(ANALYST_PASSWORD), [] as Set, java.time.Instant.now()))
    }

    def 'a visitor without a session is sent from the overview to the sign-in page'() {
        when:
        def response = browser.get('/', [Accept: 'text/html'])

        then:
        response.statusCode() == 303
        response.headers().firstValue('location').get() == '/sign-in'
    }

    def 'the sign-in page carries the CSRF token of its HttpOnly cookie'() {
        when:
        def response = browser.get('/sign-in')

        then:
        response.statusCode() == 200
        def cookie = response.headers().allValues('set-cookie').find { it.startsWith('sluice_csrf=') }
        cookie.contains('HTTPOnly') && cookie.contains('SameSite=Strict')
        response.body().contains("name=\"csrfToken\" value=\"${browser.csrf()}\"")
    }

    def 'signing in keeps the API token in an HttpOnly SameSite cookie and opens the overview'() {
        when:
        def response = browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        then:
        response.statusCode() == 303
        response.headers().firstValue('location').get() == '/'
        def cookie = response.headers().allValues('set-cookie').find { it.startsWith('sluice_session=') }
        cookie.contains('HTTPOnly') && cookie.contains('SameSite=Lax')

        and: 'the cookie holds a token the REST API accepts as a bearer token'
        def api = new WebSession(server.URI).get('/demo/api/v4/test-caller', [Authorization: "Bearer ${browser.cookies.sluice_session}".toString()])
        api.statusCode() == 200
        api.body().contains('"supervisor":true')

        and:
        def overview = browser.get('/')
        overview.statusCode() == 200
        overview.body().contains('Overview of <span>demo</span>')
    }

    def 'a wrong sign-in shows the form again with the input escaped'() {
        when:
        browser.get('/sign-in')
        def response = browser.postForm('/sign-in', [csrfToken: browser.csrf(), tenant: TENANT,
                                                     username: '<script>alert(1)</script>', password: 'wrong'])

        then:
        response.statusCode() == 401
        response.body().contains('Tenant, username or password is wrong.')
        response.body().contains('&lt;script&gt;alert(1)&lt;/script&gt;')
        !response.body().contains('<script>alert')
    }

    def 'from the fifth failed sign-in in a row the form says to wait, with 429 and Retry-After'() {
        given:
        def name = 'guessed-' + UUID.randomUUID().toString().substring(0, 8)
        browser.get('/sign-in')
        def signIn = { browser.postForm('/sign-in', [csrfToken: browser.csrf(), tenant: TENANT, username: name, password: 'guess']) }

        when:
        def failures = (1..5).collect { signIn().statusCode() }
        def locked = signIn()

        then:
        failures == [401] * 5
        locked.statusCode() == 429
        locked.headers().firstValue('Retry-After').get() == '1'
        locked.body().contains('Too many failed sign-ins for this username. Try again in 1 s.')
    }

    def 'a form post without the matching CSRF token is refused'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def response = browser.postForm('/sign-out', token == null ? [:] : [csrfToken: token], [Accept: 'text/html'])

        then:
        response.statusCode() == 403
        browser.cookies.sluice_session

        where:
        token << [null, 'forged-token', '.aaaaaaaaaaaaaaaaaaaaaa']
    }

    def 'an htmx request without the CSRF header is refused'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        expect:
        browser.postForm('/sign-out', [:], ['HX-Request': 'true', 'X-CSRF-TOKEN': 'forged']).statusCode() == 403
        browser.postForm('/sign-out', [:], ['HX-Request': 'true', 'X-CSRF-TOKEN': browser.csrf()]).statusCode() == 303
    }

    def 'the overview answers htmx with its fragment and a browser with the full page'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def page = browser.get('/')
        def fragment = browser.get('/', ['HX-Request': 'true'])

        then:
        page.body().startsWith('<!DOCTYPE html>')
        page.body().contains('class="batches"')
        !fragment.body().contains('<html')
        fragment.body().contains('class="batches"')
    }

    def 'signing out clears the session cookie'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def response = browser.postForm('/sign-out', [csrfToken: browser.csrf()])

        then:
        response.statusCode() == 303
        !browser.cookies.containsKey('sluice_session')
        browser.get('/', [Accept: 'text/html']).headers().firstValue('location').get() == '/sign-in'
    }

    def 'an htmx request of an expired session is told to go to the sign-in page'() {
        when:
        def response = browser.get('/', ['HX-Request': 'true'])

        then:
        response.statusCode() == 401
        response.headers().firstValue('HX-Redirect').get() == '/sign-in'
    }

    def 'the REST API answers a browser without credentials with 401 problem+json, not a redirect'() {
        when:
        def response = browser.get('/demo/api/v4/test-caller', [Accept: 'text/html'])

        then:
        response.statusCode() == 401
        response.headers().firstValue('content-type').get() == 'application/problem+json'
    }

    def 'the REST API ignores the session cookie'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        expect:
        browser.get('/demo/api/v4/test-caller').statusCode() == 401
    }

    def 'htmx and the stylesheet load without a session'() {
        expect:
        browser.get(path).statusCode() == 200

        where:
        path << ['/webjars/htmx.org/2.0.8/dist/htmx.min.js', '/static/dashboard.css', '/static/dashboard.js']
    }

    def 'the services page lists every service with its versions'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def page = browser.get('/services')

        then:
        page.statusCode() == 200
        page.body().contains('samples/SalesExample')
        page.body().contains('samples/InsuranceQuote')
        page.body().contains('/services/versions/')
    }

    def 'a version page shows the schema and a try-it form for each input'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def page = browser.get(salesVersionPath())

        then:
        page.statusCode() == 200
        page.body().contains('<h2>Inputs</h2>')
        page.body().contains('name="in:')
    }

    def 'try-it computes one record and answers htmx with the result fragment'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)
        def version = salesVersionPath()
        def inputs = (browser.get(version).body() =~ /name="in:([^"]+)"/).collect { it[1] }

        when:
        def result = browser.postForm(version + '/try', inputs.collectEntries { ["in:${it}".toString(), '2'] },
                ['HX-Request': 'true', 'X-CSRF-TOKEN': browser.csrf()])

        then:
        result.statusCode() == 200
        !result.body().contains('<html')
        result.body().contains('Computed in')
        result.body().contains('<th scope="col">Output</th>')
    }

    def 'an unknown version is a not-found page'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        expect:
        browser.get('/services/versions/' + UUID.randomUUID()).statusCode() == 404
    }

    def 'publishing something that is no workbook shows why on the form'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def response = browser.postMultipart('/services', [csrfToken: browser.csrf(), folder: 'tests', service: 'broken',
                                                            file: [filename: 'broken.xlsx', bytes: 'not a workbook'.bytes]])

        then:
        response.statusCode() == 422
        response.body().contains('class="error"')
        response.body().contains('value="broken"')
    }

    def 'publishing a workbook adds a version to the list'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)
        def bytes = downloadSalesWorkbook()

        when:
        def response = browser.postMultipart('/services', [csrfToken: browser.csrf(), folder: 'tests', service: 'copy',
                                                            file: [filename: 'copy.xlsx', bytes: bytes]])

        then:
        response.statusCode() == 303
        response.headers().firstValue('location').get().startsWith('/services?published=')
        browser.get('/services').body().contains('tests/copy')
    }

    def 'a supervisor creates an API key, sees its secret once, and revokes it'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def created = browser.postForm('/api-keys', [csrfToken: browser.csrf(), name: 'nightly-<b>import</b>', roles: ''])
        def secret = (created.body() =~ /id="new-secret">([^<]+)</)[0][1]

        then:
        created.statusCode() == 201
        secret.startsWith('sk_sluice_')
        created.body().contains('nightly-&lt;b&gt;import&lt;/b&gt;')

        and: 'the key works, and the list shows it used but never its secret'
        new WebSession(server.URI).get('/demo/api/v4/test-caller', ['x-synthetic-key': secret, 'x-tenant-name': TENANT]).statusCode() == 200
        def list = browser.get('/api-keys').body()
        !list.contains(secret)
        def id = (list =~ /\/api-keys\/([0-9a-f-]{36})\/revoke/).collect { it[1] }.last()

        when:
        def revoked = browser.postForm("/api-keys/${id}/revoke", [csrfToken: browser.csrf()])

        then:
        revoked.statusCode() == 200
        revoked.body().contains('The key was revoked.')
        new WebSession(server.URI).get('/demo/api/v4/test-caller', ['x-synthetic-key': secret, 'x-tenant-name': TENANT]).statusCode() == 401
    }

    def 'someone who is no supervisor gets no API keys page and no menu entry'() {
        given:
        browser.signIn(TENANT, ANALYST, ANALYST_PASSWORD)

        expect:
        browser.get('/api-keys').statusCode() == 403
        browser.postForm('/api-keys', [csrfToken: browser.csrf(), name: 'sneaky']).statusCode() == 403
        !browser.get('/').body().contains('href="/api-keys"')
    }

    private String salesVersionPath() {
        def list = browser.get('/services').body()
        def matcher = list =~ /samples\/SalesExample[\s\S]*?href="(\/services\/versions\/[0-9a-f-]{36})"/
        matcher[0][1]
    }

    private byte[] downloadSalesWorkbook() {
        def api = java.net.http.HttpClient.newHttpClient()
        def id = salesVersionPath().tokenize('/').last()
        def request = java.net.http.HttpRequest.newBuilder(server.URI.resolve("/demo/api/v4/versions/${id}/file"))
                .header('x-synthetic-key', API_KEY).header('x-tenant-name', TENANT).build()
        def response = api.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
        assert response.statusCode() == 200
        response.body()
    }
}
