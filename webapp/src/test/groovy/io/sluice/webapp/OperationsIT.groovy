package io.sluice.webapp

import groovy.json.JsonOutput
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.sluice.application.identity.BootstrapTenant
import io.sluice.application.identity.BootstrapTenantCommand
import io.sluice.domain.tenant.TenantId
import io.sluice.webapp.dashboard.WebSession
import io.micronaut.runtime.server.EmbeddedServer
import jakarta.inject.Inject
import org.yaml.snakeyaml.Yaml
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static io.sluice.webapp.TestCredentials.*

/**
 * Operations over HTTP: the Prometheus scrape (who may read it, and that a batch run moves its
 * counters and gauges by exactly what the batch did) and the OpenAPI document with Swagger UI.
 * A database of its own, so that no other spec's chunks reach these workers.
 */
@MicronautTest(transactional = false)
@Property(name = 'datasources.default.url', value = 'jdbc:h2:mem:sluice-operations-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1')
@Property(name = 'sluice.metrics.refresh', value = '100ms')
@Property(name = 'sluice.pipeline.worker-threads', value = '2')
class OperationsIT extends Specification {

    static final String API = '/demo/api/v4'
    static final String OTHER_KEY = 'sk_sluice_key_of_the_other_tenant_000000'

    @Inject
    @Client('/')
    HttpClient client

    @Inject
    BootstrapTenant bootstrapTenant

    @Inject
    EmbeddedServer server

    PollingConditions eventually = new PollingConditions(timeout: 30, delay: 0.1)

    Map api(String method, String path, Object body = null) {
        def request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), API + path)
        if (body != null) {
            request.body(JsonOutput.toJson(body)).contentType(MediaType.APPLICATION_JSON_TYPE)
        }
        client.toBlocking().retrieve(withApiKey(request as MutableHttpRequest), Map)
    }

    HttpStatus statusOf(MutableHttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String).status
        } catch (HttpClientResponseException e) {
            e.status
        }
    }

    String aKeyWithRoles(List<String> roles) {
        api('POST', '/apikeys', [name: "key for ${roles}", roles: roles]).key
    }

    /** Every sample of a scrape as [name, labels, value]. */
    List<Map> scrape() {
        String text = client.toBlocking().retrieve(withApiKey(HttpRequest.GET('/prometheus')), String)
        text.readLines().findAll { it && !it.startsWith('#') }.collect { line ->
            def m = line =~ /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/
            assert m.find(), "not a sample line: $line"
            Map labels = [:]
            (m.group(2) ?: '').findAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/) { all, k, v -> labels[k] = v }
            [name: m.group(1), labels: labels, value: m.group(3) as double]
        }
    }

    static double value(List<Map> samples, String name, Map labels = [:]) {
        def found = samples.findAll { s -> s.name == name && labels.every { k, v -> s.labels[k] == v } }
        found ? found.sum { it.value } as double : 0d
    }

    static Map chunk(List rows) {
        [id: UUID.randomUUID().toString(), data: [inputs: [['sale_id', 'price', 'quantity']] + rows, parameters: [tax: 0.1]]]
    }

    def 'metrics answer 401 without credentials'() {
        expect:
        statusOf(HttpRequest.GET('/prometheus')) == HttpStatus.UNAUTHORIZED
    }

    def 'supervisors and metrics:read keys of the operator tenant may scrape, nobody else'() {
        given:
        bootstrapTenant.bootstrap(new BootstrapTenantCommand(TenantId.of('other'), 'other-admin-password', OTHER_KEY))
        def reader = aKeyWithRoles(['metrics:read'])
        def runner = aKeyWithRoles(['batch:run'])

        expect:
        statusOf(withApiKey(HttpRequest.GET('/prometheus'))) == HttpStatus.OK
        statusOf(withBearer(client, HttpRequest.GET('/prometheus'))) == HttpStatus.OK
        statusOf(HttpRequest.GET('/prometheus').header(KEY_HEADER, reader).header(TENANT_HEADER, 'demo')) == HttpStatus.OK
        statusOf(HttpRequest.GET('/prometheus').header(KEY_HEADER, runner).header(TENANT_HEADER, 'demo')) == HttpStatus.FORBIDDEN
        statusOf(HttpRequest.GET('/prometheus').header(KEY_HEADER, OTHER_KEY).header(TENANT_HEADER, 'other')) == HttpStatus.FORBIDDEN
    }

    def 'a batch run moves the chunk and record counters and the compute timer by what it did'() {
        given:
        def before = scrape()
        def id = api('POST', '/batch', [service: 'samples/SalesExample', unique_record_key: 'sale_id', output: ['total']]).id

        when:
        api('POST', "/batch/$id/chunks", [chunks: [chunk([[1, 20, 65], [2, 74, 73]]),
                chunk([[3, 20, 65], [4, 34, 73], [5, 62, 62], [6, 43, 87], [7, 23, 35]])]])
        eventually.eventually { assert api('GET', "/batch/$id/status").records_available == 7 }
        def after = scrapeOnceReported(before, 2)
        def delta = { String name, Map labels -> value(after, name, labels) - value(before, name, labels) }

        then:
        delta('sluice_chunks_processed_total', [outcome: 'completed']) == 2
        delta('sluice_records_processed_total', [outcome: 'completed']) == 7
        delta('sluice_chunks_processed_total', [outcome: 'failed']) == 0
        delta('sluice_chunk_compute_seconds_count', [outcome: 'completed']) == 2
        delta('sluice_chunk_compute_seconds_sum', [outcome: 'completed']) > 0
        value(after, 'sluice_chunk_compute_seconds_bucket', [outcome: 'completed', le: '+Inf']) ==
                value(after, 'sluice_chunk_compute_seconds_count', [outcome: 'completed'])

        and: 'this node runs its two worker threads, none busy once the batch is computed'
        value(after, 'sluice_workers_threads') == 2
        value(after, 'sluice_workers_busy') == 0
    }

    def "each endpoint's latency is a histogram the server takes itself: status calls land in their route's buckets"() {
        given:
        def id = api('POST', '/batch', [service: 'samples/SalesExample']).id
        def route = [method: 'GET', uri: '/{tenant}/api/v4/batch/{id}/status', status: '200']
        def before = scrape()

        when:
        3.times { api('GET', "/batch/$id/status") }

        then: 'the three calls are counted, every one of them in a bucket'
        eventually.eventually {
            def after = scrape()
            assert value(after, 'http_server_requests_seconds_count', route) - value(before, 'http_server_requests_seconds_count', route) == 3
            def inf = route + [le: '+Inf']
            assert value(after, 'http_server_requests_seconds_bucket', inf) - value(before, 'http_server_requests_seconds_bucket', inf) == 3
        }

        and: 'the buckets run from 1 ms to 30 s'
        def bounds = scrape().findAll { it.name == 'http_server_requests_seconds_bucket' && route.every { k, v -> it.labels[k] == v } }
                .collect { it.labels.le }
        bounds.containsAll(['0.001', '30.0', '+Inf'])
        bounds.size() > 20
    }

    def 'buffer, waiting-chunk and worker gauges follow a batch and its tenant'() {
        given:
        def id = api('POST', '/batch', [service: 'samples/SalesExample', unique_record_key: 'sale_id', output: ['total']]).id
        def batch = [tenant: 'demo', batch: id]

        when:
        api('POST', "/batch/$id/chunks", [chunks: [chunk([[1, 20, 65], [2, 74, 73]]), chunk([[3, 20, 65]]), chunk([[4, 1, 1]])]])
        eventually.eventually { assert api('GET', "/batch/$id/status").chunks_available == 3 }
        def status = api('GET', "/batch/$id/status")

        then: 'the gauges catch up with the database within a refresh'
        status.output_buffer_used_bytes > 0
        eventually.eventually {
            def samples = scrape()
            assert value(samples, 'sluice_batch_buffer_used_bytes', batch + [buffer: 'output']) == status.output_buffer_used_bytes
            assert value(samples, 'sluice_batch_buffer_used_bytes', batch + [buffer: 'input']) == status.input_buffer_used_bytes
            assert value(samples, 'sluice_batch_chunks_waiting', batch + [stage: 'fetch']) == 3
            assert value(samples, 'sluice_batch_chunks_waiting', batch + [stage: 'compute']) == 0
            assert value(samples, 'sluice_batch_workers_in_use', batch) == 0
            assert value(samples, 'sluice_tenant_buffer_used_bytes', [tenant: 'demo', buffer: 'output']) ==
                    value(samples, 'sluice_batch_buffer_used_bytes', [tenant: 'demo', buffer: 'output'])
        }

        when: 'the results are fetched and the batch is closed'
        api('GET', "/batch/$id/chunkresults?max=100")
        api('PATCH', "/batch/$id", [batch_status: 'closed'])

        then: 'the finished batch drops out of the gauges'
        eventually.eventually {
            def samples = scrape()
            assert !samples.any { it.labels.batch == id }
        }
    }

    def 'the OpenAPI document needs credentials'() {
        expect:
        statusOf(HttpRequest.GET('/swagger/sluice.yml')) == HttpStatus.UNAUTHORIZED
    }

    def 'the OpenAPI document lists the batch endpoints with their problem responses and both credentials'() {
        when:
        String text = client.toBlocking().retrieve(withApiKey(HttpRequest.GET('/swagger/sluice.yml')), String)
        Map doc = new Yaml().load(text) as Map
        Map paths = doc.paths as Map
        def problem = { Map operation, String status -> operation.responses[status].content['application/problem+json'].schema.'$ref' }

        then:
        paths.keySet().containsAll(["$API/batch", "$API/batch/{id}/chunks", "$API/batch/{id}/status",
                                    "$API/batch/{id}/chunkresults", "$API/batch/{id}", "$API/batch/status"]*.replace(API, '/{tenant}/api/v4'))
        Map submit = paths['/{tenant}/api/v4/batch/{id}/chunks'].post as Map
        submit.tags == ['batch']
        ['400', '401', '404', '409', '413', '429'].every { problem(submit, it) == '#/components/schemas/Problem' }
        (submit.responses['429'].description as String).startsWith('input_buffer_full')
        submit.parameters*.name == ['tenant', 'id']
        problem(paths['/{tenant}/api/v4/batch/{id}'].patch as Map, '409') == '#/components/schemas/Problem'
        paths['/{tenant}/api/v4/batch'].post.requestBody.content['application/json'].schema.'$ref'.endsWith('CreateBatchRequest')
        doc.components.schemas.Problem.properties.keySet().containsAll(['type', 'title', 'status', 'detail', 'code'])

        and: 'an API key is the header pair, a bearer token the alternative'
        doc.components.securitySchemes.apiKey == [type: 'apiKey', description: doc.components.securitySchemes.apiKey.description,
                                                  name: 'x-synthetic-key', in: 'header']
        doc.components.securitySchemes.tenantName.name == 'x-tenant-name'
        doc.components.securitySchemes.bearer.scheme == 'bearer'
        doc.security == [[apiKey: [], tenantName: []], [bearer: []]]

        and: 'logging in is the one operation without credentials'
        paths['/login'].post.security == []
        paths['/login'].post.summary.startsWith('Exchange tenant, username and password')
        paths.findAll { it.key != '/login' }.every { path, ops -> ops.values().every { !it.containsKey('security') } }
    }

    def 'Swagger UI loads from Sluice itself, for a signed-in caller'() {
        when:
        def page = client.toBlocking().exchange(withApiKey(HttpRequest.GET('/swagger-ui/index.html')), String)
        def bundle = client.toBlocking().exchange(withApiKey(HttpRequest.GET('/swagger-ui/res/swagger-ui-bundle.js')), String)

        then:
        page.status == HttpStatus.OK
        page.body().contains('/swagger/sluice.yml')
        page.body().contains('res/swagger-ui-bundle.js')
        !page.body().contains('unpkg.com') && !page.body().contains('cdn.jsdelivr')
        bundle.status == HttpStatus.OK
        bundle.body().contains('SwaggerUIBundle')

        and: 'without credentials it answers 401'
        statusOf(HttpRequest.GET('/swagger-ui/index.html')) == HttpStatus.UNAUTHORIZED
    }

    def 'a person signed in to the dashboard opens Swagger UI with the session, and is sent to sign in without one'() {
        given:
        def browser = new WebSession(server.URI)

        when:
        def anonymous = browser.get('/swagger-ui/index.html', [Accept: 'text/html'])

        then:
        anonymous.statusCode() in [302, 303]
        anonymous.headers().firstValue('Location').get().endsWith('/sign-in')

        when:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)
        def page = browser.get('/swagger-ui/index.html', [Accept: 'text/html'])
        def document = browser.get('/swagger/sluice.yml')

        then:
        page.statusCode() == 200
        page.body().contains('/swagger/sluice.yml')
        document.statusCode() == 200
        document.body().startsWith('openapi:')
    }

    def 'metrics are served in the Prometheus format only'() {
        expect:
        statusOf(withApiKey(HttpRequest.GET('/metrics'))) == HttpStatus.NOT_FOUND
    }

    /**
     * A scrape once this spec's {@code chunks} have been reported: a worker reports a chunk to the
     * metrics just after it stored the result, so the API may show it a moment before the metrics do.
     */
    private List<Map> scrapeOnceReported(List<Map> before, int chunks) {
        long deadline = System.currentTimeMillis() + 30_000
        while (true) {
            List<Map> after = scrape()
            boolean reported = value(after, 'sluice_chunks_processed_total', [outcome: 'completed'])
                    - value(before, 'sluice_chunks_processed_total', [outcome: 'completed']) == chunks
                    && value(after, 'sluice_workers_busy') == 0
            if (reported || System.currentTimeMillis() > deadline) {
                return after // past the deadline the spec's own conditions say what is missing
            }
            Thread.sleep(100)
        }
    }
}
