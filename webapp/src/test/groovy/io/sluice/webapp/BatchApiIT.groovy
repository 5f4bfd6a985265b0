package io.sluice.webapp

import groovy.json.JsonOutput
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.bson.BsonDocument
import org.bson.RawBsonDocument
import org.bson.codecs.BsonDocumentCodec
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static io.sluice.webapp.TestCredentials.withApiKey

/** The Batch API v4 over HTTP, on the sales example published at startup. */
@MicronautTest
class BatchApiIT extends Specification {

    static final String API = '/demo/api/v4'

    @Inject
    @Client('/')
    HttpClient client

    PollingConditions eventually = new PollingConditions(timeout: 30, delay: 0.1)

    Map api(String method, String path, Object body = null) {
        def request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), API + path)
        if (body != null) {
            request.body(body instanceof String ? body : JsonOutput.toJson(body)).contentType(MediaType.APPLICATION_JSON_TYPE)
        }
        client.toBlocking().retrieve(withApiKey(request as MutableHttpRequest), Map)
    }

    Map problem(Closure call) {
        try {
            call()
        } catch (HttpClientResponseException e) {
            return (e.response.getBody(Map).orElse([:]) as Map) + [status: e.status,
                    contentType: e.response.contentType.orElse(null)?.toString(),
                    retryAfter: e.response.header('Retry-After')]
        }
        throw new AssertionError('the call succeeded')
    }

    static Map chunk(List rows, Map extra = [:]) {
        [id: UUID.randomUUID().toString(), data: [inputs: [['sale_id', 'price', 'quantity']] + rows, parameters: [tax: 0.1]] + extra]
    }

    String aBatch(Map body = [:]) {
        api('POST', '/batch', [service: 'samples/SalesExample', unique_record_key: 'sale_id', output: ['total']] + body).id
    }

    def 'the sales example of the reference runs end to end'() {
        when:
        def created = api('POST', '/batch', [service: 'samples/SalesExample', unique_record_key: 'sale_id',
                output: ['total'], source_system: 'spec', correlation_id: 'c-1'])
        def id = created.id

        then:
        created.object == 'batch'
        created.data.batch_status == 'created'
        created.data.service_uri == 'samples/SalesExample[1.0.0]'
        created.data.created_by
        created.data.containsKey('call_purpose')

        when:
        def status = api('POST', "/batch/$id/chunks", [chunks: [chunk([[1, 20, 65], [2, 74, 73]]),
                chunk([[3, 20, 65], [4, 34, 73], [5, 62, 62], [6, 43, 87], [7, 23, 35]])]])

        then:
        status.chunks_submitted == 2
        status.record_submitted == 7
        status.batch_status == 'in_progress'

        and:
        eventually.eventually { assert api('GET', "/batch/$id/status").records_available == 7 }

        when:
        def results = api('GET', "/batch/$id/chunkresults?max=100")
        def totals = results.data.collectMany { it.outputs.drop(1) }.collectEntries { [(it[0]): it[1]] }

        then:
        results.data*.outputs*.get(0).unique() == [['sale_id', 'total']]
        totals == [1: 1430, 2: 5942.2, 3: 1430, 4: 2730.2, 5: 4228.4, 6: 4115.1, 7: 885.5]
        results.data.every { it.summary_output == [[]] && it.errors.every { e -> e == null } && it.process_time.size() == it.outputs.size() - 1 }
        results.status.records_available == 0
        results.status.output_buffer_used_bytes == 0

        when:
        api('POST', "/batch/$id/chunks", [chunks: [chunk([[8, 20, 65], [9, 74, 73]],
                [summary: [ignore_error: false, aggregation: [[output_name: 'total', operator: 'SUM']]]])]])
        def fetched = []
        eventually.eventually {
            fetched.addAll(api('GET', "/batch/$id/chunkresults/?max_chunks=10").data)
            assert fetched
        }
        def summary = fetched[0]

        then:
        summary.summary_output == [[['total_SUM'], [7372.2]]]

        when:
        def info = api('GET', "/batch/$id")

        then:
        info.data.summary.chunks_submitted == 3
        info.data.summary.records_completed == 9
        info.data.configuration.initial_workers == 10
        info.data.configuration.input_buffer_allocated_bytes == 70_000_000
        api('GET', '/batch/status').in_progress_batches*.id.contains(id)

        when:
        def closed = api('PATCH', "/batch/$id", [batch_status: 'closed'])

        then:
        closed.data.batch_status == 'completed'
        api('GET', '/batch/status').recent_batches*.id.contains(id)
    }

    def 'chunks can be posted and results fetched as BSON'() {
        given:
        def id = aBatch()
        def doc = BsonDocument.parse(JsonOutput.toJson([chunks: [chunk([[1, 20, 65], [2, 74, 73]]) + [size: 2]]]))
        byte[] bson = new RawBsonDocument(doc, new BsonDocumentCodec()).getByteBuffer().array()

        when:
        def status = client.toBlocking().retrieve(withApiKey(HttpRequest.POST("$API/batch/$id/chunks", bson)
                .contentType('application/bson')), Map)

        then:
        status.record_submitted == 2
        eventually.eventually { assert api('GET', "/batch/$id/status").records_available == 2 }

        when:
        def response = client.toBlocking().exchange(withApiKey(HttpRequest.GET("$API/batch/$id/chunkresults")
                .accept('application/bson')), byte[])
        def results = new RawBsonDocument(response.body())

        then:
        response.contentType.get().toString() == 'application/bson'
        results.getArray('data').get(0).asDocument().getArray('outputs').get(1).asArray().get(1).asNumber().doubleValue() == 1430d
        results.getDocument('status').getNumber('chunks_completed').intValue() == 1
    }

    def 'a table output comes back as rows of named values, in JSON and in BSON'() {
        given: 'two batches on the insurance quote, whose schedule is a 3-column table output'
        def rows = [['customer', 'product', 'amount', 'years'], ['ada', 'BASIC', 12000, 3]]
        def ids = (1..2).collect {
            def id = api('POST', '/batch', [service: 'samples/InsuranceQuote', output: ['schedule']]).id
            api('POST', "/batch/$id/chunks", [chunks: [[id: UUID.randomUUID().toString(), data: [inputs: rows]]]])
            id
        }
        ids.each { id -> eventually.eventually { assert api('GET', "/batch/$id/status").records_available == 1 } }

        when:
        def json = api('GET', "/batch/${ids[0]}/chunkresults").data[0].outputs
        def bson = new RawBsonDocument(client.toBlocking().retrieve(withApiKey(HttpRequest.GET("$API/batch/${ids[1]}/chunkresults")
                .accept('application/bson')), byte[])).getArray('data').get(0).asDocument().getArray('outputs')

        then:
        json[0] == ['schedule']
        json[1][0] == [[year: 1, payment: 4599.96, balance: 9299.92], [year: 2, payment: 4599.96, balance: 4699.96],
                       [year: 3, payment: 4599.96, balance: 100]]
        with(bson.get(1).asArray().get(0).asArray().get(2).asDocument()) {
            keySet().toList() == ['year', 'payment', 'balance']
            getNumber('year').intValue() == 3
            getNumber('balance').doubleValue() == 100d
        }
    }

    def 'a malformed post is refused with #code saying #detail'() {
        given:
        def id = aBatch()

        when:
        def p = problem { api('POST', "/batch/$id/chunks", body) }

        then:
        p.status == HttpStatus.BAD_REQUEST
        p.contentType == 'application/problem+json'
        p.code == 'validation_error'
        p.detail.contains(detail)
        p.chunk_index == index
        p.row == row

        where:
        body                                                                                         | detail                                   | index | row
        '{"chunks": [ {"id": '                                                                       | 'malformed JSON at line 1'               | null  | null
        [chunks: [[id: 'not-a-uuid', data: [inputs: [['a'], [1]]]]]]                                 | "id 'not-a-uuid' is not a UUID"          | 0     | null
        [chunks: [chunk([[1, 2, 3]]), [id: UUID.randomUUID().toString(), data: [parameters: [:]]]]]  | 'data.inputs is missing'                 | 1     | null
        [chunks: [chunk([[1, 2, 3], [4, 5]])]]                                                       | 'chunks[0].data.inputs[2]: has 2 values' | 0     | 2
        [chunks: []]                                                                                 | 'at least one chunk'                     | null  | null
        code = 'validation_error'
    }

    def 'reading results refuses max over 100'() {
        expect:
        with(problem { api('GET', "/batch/${aBatch()}/chunkresults?max=101") }) {
            status == HttpStatus.BAD_REQUEST
            code == 'validation_error'
            detail.contains('max must be between 1 and 100')
        }
    }

    def 'an unknown batch, service or status is named in the problem'() {
        expect:
        with(problem { api('GET', "/batch/${UUID.randomUUID()}/status") }) {
            status == HttpStatus.NOT_FOUND
            code == 'batch_not_found'
        }
        with(problem { api('POST', '/batch', [service: 'samples/NoSuchService']) }) {
            status == HttpStatus.NOT_FOUND
            code == 'service_not_found'
        }
        with(problem { api('PATCH', "/batch/${aBatch()}", [batch_status: 'finished']) }) {
            status == HttpStatus.BAD_REQUEST
            code == 'validation_error'
            detail.contains("unknown batch status 'finished'")
        }
        with(problem { api('POST', '/batch', [service: 'samples/SalesExample', max_workers: 0]) }) {
            status == HttpStatus.BAD_REQUEST
            detail.contains('max_workers')
        }
    }

    def 'a chunk id posted again is accepted once, and with other content is a conflict'() {
        given:
        def id = aBatch()
        def first = chunk([[1, 20, 65]])

        when:
        api('POST', "/batch/$id/chunks", [chunks: [first]])
        def again = api('POST', "/batch/$id/chunks", [chunks: [first]])

        then:
        again.chunks_submitted == 1

        when:
        def changed = first + [data: first.data + [parameters: [tax: 0.2]]]
        def p = problem { api('POST', "/batch/$id/chunks", [chunks: [changed]]) }

        then:
        p.status == HttpStatus.CONFLICT
        p.code == 'chunk_conflict'
    }

    /**
     * A batch whose workers claim nothing more: one result fills its tiny output buffer, so chunks
     * posted next stay in the input buffer until results are fetched.
     */
    String aBatchKeepingItsInput(Number maxInputInMb) {
        def id = aBatch(max_input_in_mb: maxInputInMb, max_output_in_mb: 0.000001)
        api('POST', "/batch/$id/chunks", [chunks: [chunk([[0, 1, 1]])]])
        eventually.eventually { assert api('GET', "/batch/$id/status").records_available == 1 }
        id
    }

    def 'a post that does not fit the input buffer is refused whole with Retry-After'() {
        given: 'the stored size of one chunk of these rows, whatever the stored form'
        def rows = (1..2000).collect { [it, (it * 7919) % 1000, (it * 104729) % 97] }
        long stored = api('POST', "/batch/${aBatchKeepingItsInput(1)}/chunks", [chunks: [chunk(rows)]]).input_buffer_used_bytes

        and: 'a buffer of two and a half such chunks, one of them in it'
        def id = aBatchKeepingItsInput(stored * 2.5 / 1_000_000)
        api('POST', "/batch/$id/chunks", [chunks: [chunk(rows)]])

        when:
        def full = problem { api('POST', "/batch/$id/chunks", [chunks: [chunk(rows), chunk(rows)]]) }

        then:
        full.status == HttpStatus.TOO_MANY_REQUESTS
        full.code == 'input_buffer_full'
        full.retryAfter == '2'
        api('GET', "/batch/$id/status").chunks_submitted == 2

        when:
        def huge = problem { api('POST', "/batch/$id/chunks", [chunks: (1..4).collect { chunk(rows) }]) }

        then:
        huge.status == HttpStatus.REQUEST_ENTITY_TOO_LARGE
        huge.code == 'payload_too_large'
    }

    def 'PATCH #target on a #from batch answers #expected'() {
        given:
        def id = aBatch()
        if (from != 'created') {
            api('POST', "/batch/$id/chunks", [chunks: [chunk([[1, 20, 65]])]])
        }
        if (from in ['closed', 'completed']) {
            eventually.eventually { assert api('GET', "/batch/$id/status").records_available == 1 }
            if (from == 'completed') {
                api('GET', "/batch/$id/chunkresults")
            }
            api('PATCH', "/batch/$id", [batch_status: 'closed'])
        }
        if (from == 'cancelled') {
            api('PATCH', "/batch/$id", [batch_status: 'cancelled'])
        }

        when:
        def outcome
        try {
            outcome = api('PATCH', "/batch/$id", [batch_status: target]).data.batch_status
        } catch (HttpClientResponseException e) {
            outcome = e.response.getBody(Map).get().code
        }

        then:
        outcome == expected

        where:
        from          | target      | expected
        'created'     | 'closed'    | 'completed'
        'created'     | 'cancelled' | 'cancelled'
        'in_progress' | 'cancelled' | 'cancelled'
        'closed'      | 'closed'    | 'illegal_status_transition'
        'closed'      | 'cancelled' | 'cancelled'
        'completed'   | 'closed'    | 'illegal_status_transition'
        'completed'   | 'cancelled' | 'illegal_status_transition'
        'cancelled'   | 'closed'    | 'illegal_status_transition'
        'cancelled'   | 'cancelled' | 'illegal_status_transition'
    }

    def 'a closed batch takes no more chunks'() {
        given:
        def id = aBatch()
        api('PATCH', "/batch/$id", [batch_status: 'closed'])

        expect:
        with(problem { api('POST', "/batch/$id/chunks", [chunks: [chunk([[1, 20, 65]])]]) }) {
            status == HttpStatus.CONFLICT
            code == 'batch_not_accepting_chunks'
        }
    }

    def 'a request without credentials is refused'() {
        when:
        client.toBlocking().retrieve(HttpRequest.GET("$API/batch/status"), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status == HttpStatus.UNAUTHORIZED
    }
}
