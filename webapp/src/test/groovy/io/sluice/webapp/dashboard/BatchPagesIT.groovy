package io.sluice.webapp.dashboard

import groovy.json.JsonSlurper
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.sluice.application.batch.CreateBatch
import io.sluice.application.batch.CreateBatchCommand
import io.sluice.application.batch.SubmitChunks
import io.sluice.application.batch.SubmitChunksCommand
import io.sluice.application.chunk.ChunkInput
import io.sluice.application.chunk.SummarySpec
import io.sluice.application.port.PasswordHasher
import io.sluice.application.port.UserRepository
import io.sluice.domain.batch.BatchConfiguration
import io.sluice.domain.batch.BatchId
import io.sluice.domain.identity.UserAccount
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import jakarta.inject.Inject
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant

import static io.sluice.webapp.TestCredentials.*

/** The overview, the batch page and running a file, over HTTP as a browser sends it. */
@MicronautTest(transactional = false)
class BatchPagesIT extends Specification {

    static final String SALES = 'samples/SalesExample'
    static final Caller ADMIN_CALLER = new Caller(TenantId.of(TENANT), ADMIN, [Caller.SUPERVISOR] as Set)

    @Inject EmbeddedServer server
    @Inject UserRepository users
    @Inject PasswordHasher hasher
    @Inject CreateBatch createBatch
    @Inject SubmitChunks submitChunks

    @Shared String analyst = 'analyst-' + UUID.randomUUID().toString().substring(0, 6)
    @Shared String analystPassword = 'analyst-password'
    @Shared boolean analystAdded

    WebSession browser

    def setup() {
        browser = new WebSession(server.URI)
        if (!analystAdded) {
            users.add(new UserAccount(TenantId.of(TENANT), analyst, hasher.hash(analystPassword), [] as Set, Instant.now()))
            analystAdded = true
        }
    }

    Caller analystCaller() {
        new Caller(TenantId.of(TENANT), analyst, [] as Set)
    }

    String aBatch(Caller owner, String correlation = null) {
        createBatch.create(new CreateBatchCommand(owner, SALES, new BatchConfiguration.Requested(null, null, null, null,
                null, null, null, null, 'sale_id', null, null, correlation))).batch().id().value().toString()
    }

    void post(Caller owner, String batch, List<List> rows) {
        submitChunks.submit(new SubmitChunksCommand(owner, BatchId.of(batch), [new ChunkInput(UUID.randomUUID(),
                ['sale_id', 'price', 'quantity'], rows.collect { it as Object[] }, [:], SummarySpec.NONE)]))
    }

    Map api(String path) {
        def response = new WebSession(server.URI).get("/demo/api/v4${path}", ['x-synthetic-key': API_KEY, 'x-tenant-name': TENANT])
        assert response.statusCode() == 200
        new JsonSlurper().parseText(response.body()) as Map
    }

    def 'the overview lists a running batch with its service, owner, status and records'() {
        given:
        def id = aBatch(ADMIN_CALLER)
        post(ADMIN_CALLER, id, [[1, 20, 3], [2, 10, 4]])
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def page = browser.get('/').body()

        then:
        page.contains("id=\"batch-${id}\"")
        page.contains('samples/SalesExample[1.0.0]')
        page.contains('id="gauge-workers"')
        page =~ /(?s)id="batch-${id}".*?<td>admin<\/td>/
    }

    def 'the overview fragment polls itself and is no full page'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def fragment = browser.get('/', ['HX-Request': 'true']).body()

        then:
        !fragment.contains('<html')
        fragment.startsWith('<section')
        fragment.trim().endsWith('</section>')
        fragment.contains('hx-trigger="every 1s"')
        fragment.contains('id="gauge-input"')
    }

    def 'someone who is no supervisor sees only their own batches'() {
        given:
        def mine = aBatch(analystCaller())
        def theirs = aBatch(ADMIN_CALLER)
        browser.signIn(TENANT, analyst, analystPassword)

        when:
        def overview = browser.get('/').body()

        then:
        overview.contains("batch-${mine}")
        !overview.contains("batch-${theirs}")

        and: "another user's batch page is not found, and cannot be cancelled"
        browser.get("/batches/${theirs}").statusCode() == 404
        browser.postForm("/batches/${theirs}/cancel", [csrfToken: browser.csrf()]).statusCode() == 404
        api("/batch/${theirs}").data.batch_status == 'created'

        and: 'a supervisor sees the analyst batch'
        def admin = new WebSession(server.URI)
        admin.signIn(TENANT, ADMIN, ADMIN_PASSWORD)
        admin.get('/').body().contains("batch-${mine}")
        admin.get("/batches/${mine}").statusCode() == 200
    }

    def 'the batch page shows counters, configuration, timing and the chunk table'() {
        given:
        def id = aBatch(ADMIN_CALLER)
        post(ADMIN_CALLER, id, [[1, 20, 3], [2, 10, 4]])
        post(ADMIN_CALLER, id, [[3, 5, 5]])
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def page = browser.get("/batches/${id}")

        then:
        page.statusCode() == 200
        page.body().startsWith('<!DOCTYPE html>')
        page.body().contains('<dt>Key column</dt><dd>sale_id</dd>')
        page.body().contains('<dt>Created</dt>')
        page.body().contains('1–2 of 2')
        page.body() =~ /(?s)<table id="chunks">.*?<td class="num">2<\/td>.*?<td class="num">1<\/td>/
        page.body().contains('id="cancel-batch"')
        page.body().contains('id="close-batch"')
    }

    def 'the batch page answers htmx with its fragment'() {
        given:
        def id = aBatch(ADMIN_CALLER)
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def fragment = browser.get("/batches/${id}", ['HX-Request': 'true']).body()

        then:
        !fragment.contains('<html')
        fragment.startsWith('<section')
        fragment.contains("hx-get=\"/batches/${id}?offset=0\"")
    }

    def 'text a client supplied is escaped on the batch page'() {
        given:
        def id = aBatch(ADMIN_CALLER, '<script>alert(1)</script>')
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def page = browser.get("/batches/${id}").body()

        then:
        page.contains('&lt;script&gt;alert(1)&lt;/script&gt;')
        !page.contains('<script>alert(1)')
    }

    def 'cancelling needs the CSRF token and goes through the use case the API uses'() {
        given:
        def id = aBatch(ADMIN_CALLER)
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        expect: 'a forged token changes nothing'
        browser.postForm("/batches/${id}/cancel", [csrfToken: 'forged'], [Accept: 'text/html']).statusCode() == 403
        api("/batch/${id}").data.batch_status == 'created'

        when:
        def cancelled = browser.postForm("/batches/${id}/cancel", [csrfToken: browser.csrf()])

        then:
        cancelled.statusCode() == 200
        cancelled.body().contains('The batch was cancelled.')
        api("/batch/${id}").data.batch_status == 'cancelled'
        !cancelled.body().contains('id="cancel-batch"')
    }

    def 'closing a cancelled batch is refused with the reason in the fragment'() {
        given:
        def id = aBatch(ADMIN_CALLER)
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)
        browser.postForm("/batches/${id}/cancel", [csrfToken: browser.csrf()])

        when:
        def refused = browser.postForm("/batches/${id}/close", [:], ['HX-Request': 'true', 'X-CSRF-TOKEN': browser.csrf()])

        then:
        refused.statusCode() == 409
        !refused.body().contains('<html')
        refused.body().contains('The batch cannot be closed now: it is cancelled.')
    }

    def 'closing an empty batch completes it'() {
        given:
        def id = aBatch(ADMIN_CALLER)
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def closed = browser.postForm("/batches/${id}/close", [:], ['HX-Request': 'true', 'X-CSRF-TOKEN': browser.csrf()])

        then:
        closed.statusCode() == 200
        closed.body().contains('The batch was closed.')
        api("/batch/${id}").data.batch_status == 'completed'
    }

    def 'an unknown or malformed batch id is not found'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        expect:
        browser.get("/batches/${UUID.randomUUID()}").statusCode() == 404
        browser.get('/batches/not-a-uuid').statusCode() == 404
    }

    def 'a CSV runs as a batch the API sees, and its results come back in input order'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)
        def rows = (1..25).collect { [it, 10 + it, it % 4 + 1] }
        def csv = 'sale_id,price,quantity\n' + rows.collect { it.join(',') }.join('\n') + '\n'

        when:
        def started = runFile(csv, 4)
        def id = started.headers().firstValue('location').get().tokenize('/').last()

        then:
        started.statusCode() == 303
        api("/batch/${id}").data.service_uri == 'samples/SalesExample[1.0.0]'

        when:
        def results = waitForResults(id)
        def lines = results.readLines()

        then:
        lines[0].startsWith('sale_id,price,quantity,')
        lines[0].endsWith(',errors')
        lines.size() == 26
        lines.drop(1).collect { it.tokenize(',')[0] as int } == (1..25).toList()
        def header = lines[0].split(',', -1).toList()
        lines.drop(1).every { line ->
            def cells = line.split(',', -1)
            int i = cells[0] as int
            new BigDecimal(cells[header.indexOf('total')]) == ((10 + i) * (i % 4 + 1) * 1.1G).setScale(2, java.math.RoundingMode.HALF_UP)
                    && cells[header.indexOf('errors')] == ''
        }
        // the pipeline settles a closed batch whose results are all fetched a moment later
        new spock.util.concurrent.PollingConditions(timeout: 15).eventually {
            assert api("/batch/${id}").data.batch_status == 'completed'
        }
        api("/batch/${id}").data.summary.records_completed == 25
        browser.get("/batches/${id}").body().contains('id="download-results"')
    }

    def 'a file larger than the input buffer waits for room and loses or doubles no row'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)
        def csv = 'sale_id,price,quantity\n' + (1..60).collect { "${it},${it},2" }.join('\n') + '\n'

        when: 'the input buffer holds only a few chunks at a time'
        def started = runFile(csv, 3, '0.0015')
        def id = started.headers().firstValue('location').get().tokenize('/').last()
        def lines = waitForResults(id).readLines()

        then:
        started.statusCode() == 303
        lines.drop(1).collect { it.tokenize(',')[0] as int } == (1..60).toList()
        api("/batch/${id}").data.summary.chunks_submitted == 20
    }

    def 'records the service refuses keep their row, with the error in the results and counted by kind on the page'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)
        def csv = 'sale_id,price,quantity\n1,10,2\n2,ten,2\n3,30,1\n'

        when:
        def id = runFile(csv, 2).headers().firstValue('location').get().tokenize('/').last()
        def lines = waitForResults(id).readLines()

        then:
        lines.size() == 4
        lines[1].endsWith(',')
        !lines[2].endsWith(',')
        lines[3].endsWith(',')
        lines[2].startsWith('2,ten,2,')

        and:
        def page = browser.get("/batches/${id}").body()
        page =~ /Record errors by kind[\s\S]*?<td class="num">1<\/td>/
        api("/batch/${id}").data.summary.records_failed == 1
    }

    def 'a chunk that can never fit the input buffer stops the run, says why and cancels the batch'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)
        def csv = 'sale_id,price,quantity\n' + (1..400).collect { "${it},${it * 7},${it % 9}" }.join('\n') + '\n'

        when:
        def id = runFile(csv, 400, '0.0001').headers().firstValue('location').get().tokenize('/').last()

        then:
        waitUntil { browser.get("/batches/${id}").body().contains('The run failed: a chunk of 400 rows does not fit') }
        api("/batch/${id}").data.batch_status == 'cancelled'
        browser.get("/batches/${id}/results.csv").statusCode() == 404
    }

    def 'a file that is no usable CSV is refused with the reason, and no batch is created'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)
        def before = api('/batch/status').in_progress_batches.size()

        when:
        def refused = runFile(csv, 10, '', key)

        then:
        refused.statusCode() == 422
        refused.body().contains(reason)
        api('/batch/status').in_progress_batches.size() == before

        where:
        csv                                | key       || reason
        'sale_id,price\n1,2\n3\n'          | ''        || 'line 3 has 1 fields, the header has 2'
        'sale_id,price\n'                  | ''        || 'the file has a header but no rows'
        'sale_id,price\n1,2\n'             | 'missing' || 'the key column &#39;missing&#39; is not in the file&#39;s header'
    }

    def 'the run form offers every service version'() {
        given:
        browser.signIn(TENANT, ADMIN, ADMIN_PASSWORD)

        when:
        def page = browser.get('/run').body()

        then:
        page.contains('<option value="samples/SalesExample[1.0.0]"')
        page.contains('name="chunkSize"')
        page.contains('name="keyColumn"')
    }

    private java.net.http.HttpResponse<String> runFile(String csv, int chunkSize, String inputMb = '', String key = 'sale_id') {
        browser.postMultipart('/run', [csrfToken: browser.csrf(), service: 'samples/SalesExample[1.0.0]',
                                       chunkSize: chunkSize, keyColumn: key, inputMb: inputMb,
                                       file: [filename: 'sales.csv', bytes: csv.getBytes('UTF-8')]])
    }

    private static boolean waitUntil(Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 30_000
        while (!condition()) {
            assert System.currentTimeMillis() < deadline: 'the condition did not hold within 30 s'
            Thread.sleep(100)
        }
        true
    }

    private String waitForResults(String id) {
        long deadline = System.currentTimeMillis() + 30_000
        while (true) {
            def response = browser.get("/batches/${id}/results.csv")
            if (response.statusCode() == 200) {
                return response.body()
            }
            assert System.currentTimeMillis() < deadline: "no results for batch ${id} within 30 s"
            Thread.sleep(100)
        }
    }
}
