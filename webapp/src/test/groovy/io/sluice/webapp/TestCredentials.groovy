package io.sluice.webapp

import io.micronaut.http.HttpRequest
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient

/**
 * Credentials for HTTP specs. Every {@code @MicronautTest} runs with the environment {@code test},
 * whose {@code application-test.yml} fixes the bootstrap secrets, so the bootstrap tenant
 * {@value #TENANT} always has the supervisor {@value #ADMIN} / {@value #ADMIN_PASSWORD} and the
 * supervisor API key {@value #API_KEY}.
 *
 * <p>Use it like this:
 * <pre>
 * &#64;Inject &#64;Client('/') HttpClient client
 *
 * def 'a supervisor lists batches'() {
 *     when:
 *     def response = client.toBlocking().exchange(
 *             TestCredentials.withApiKey(HttpRequest.GET('/demo/api/v4/batch/status')), Map)
 *     // or: TestCredentials.withBearer(client, HttpRequest.GET(...))
 *     ...
 * </pre>
 * {@link #bearerToken(HttpClient)} logs in through {@code POST /login}, the way a bearer-token app does.
 * A spec that also writes through beans directly (e.g. creates a second tenant with
 * {@code BootstrapTenant}) before calling the server declares {@code @MicronautTest(transactional = false)}:
 * otherwise its writes stay in an uncommitted test transaction that the server never sees.
 */
final class TestCredentials {

    static final String TENANT = 'demo'
    static final String ADMIN = 'admin'
    static final String ADMIN_PASSWORD = 'test-admin-password'
    static final String API_KEY = 'sk_sluice_test_bootstrap_key_0000000000000000'
    static final String KEY_HEADER = 'x-synthetic-key'
    static final String TENANT_HEADER = 'x-tenant-name'

    private TestCredentials() {
    }

    /** The request, sent with the bootstrap API key of the bootstrap tenant. */
    static <T> MutableHttpRequest<T> withApiKey(MutableHttpRequest<T> request) {
        request.header(KEY_HEADER, API_KEY).header(TENANT_HEADER, TENANT)
    }

    /** The request, sent with a bearer token of the bootstrap supervisor. */
    static <T> MutableHttpRequest<T> withBearer(HttpClient client, MutableHttpRequest<T> request) {
        request.bearerAuth(bearerToken(client))
    }

    /** A fresh access token of the bootstrap supervisor. */
    static String bearerToken(HttpClient client) {
        bearerToken(client, TENANT, ADMIN, ADMIN_PASSWORD)
    }

    /** A fresh access token of any user. */
    static String bearerToken(HttpClient client, String tenant, String username, String password) {
        def response = client.toBlocking().retrieve(
                HttpRequest.POST('/login', [tenant: tenant, username: username, password: password]), Map)
        response.access_token as String
    }
}
