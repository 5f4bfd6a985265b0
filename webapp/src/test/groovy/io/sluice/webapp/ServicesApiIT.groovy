package io.sluice.webapp

import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.HttpStatus
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.http.client.multipart.MultipartBody
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

import static io.sluice.webapp.TestCredentials.withApiKey

/** The services and Execute APIs over HTTP, on the samples published at startup. */
@MicronautTest
class ServicesApiIT extends Specification {

    static final String API = '/demo/api/v4'
    static final MediaType XLSX = MediaType.of('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')

    @Inject
    @Client('/')
    HttpClient client

    Map get(String path) {
        client.toBlocking().retrieve(withApiKey(HttpRequest.GET(API + path)), Map)
    }

    Map post(String path, Object body) {
        client.toBlocking().retrieve(withApiKey(HttpRequest.POST(API + path, body)), Map)
    }

    HttpResponse<Map> publish(Map<String, String> fields, byte[] file) {
        def body = MultipartBody.builder()
        if (file != null) {
            body.addPart('file', 'Sales.xlsx', XLSX, file)
        }
        fields.each { k, v -> body.addPart(k, v) }
        client.toBlocking().exchange(withApiKey(HttpRequest.POST(API + '/services', body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE) as MutableHttpRequest), Map)
    }

    Map problem(Closure call) {
        try {
            call()
        } catch (HttpClientResponseException e) {
            return (e.response.getBody(Map).orElse([:]) as Map) +
                    [status: e.status, contentType: e.response.contentType.orElse(null)?.toString()]
        }
        throw new AssertionError('the call succeeded')
    }

    byte[] salesWorkbook() {
        def version = get('/services/resolve?service=samples/SalesExample')
        client.toBlocking().retrieve(withApiKey(HttpRequest.GET("$API/versions/${version.version_id}/file")), byte[])
    }

    def 'the samples are published at startup in the bootstrap tenant'() {
        when:
        def services = get('/services')

        then:
        services.data.collect { "${it.folder}/${it.service}[${it.latest_version}]".toString() }
                .containsAll(['samples/InsuranceQuote[1.0.0]', 'samples/SalesExample[1.0.0]'])
    }

    def 'a version shows its schema: names, places, types and defaults'() {
        when:
        def version = get('/services/resolve?service=samples/SalesExample')

        then:
        version.service_uri == 'samples/SalesExample[1.0.0]'
        version.inputs.collect { it.name } == ['price', 'quantity', 'tax']
        version.inputs[2] == [name: 'tax', sheet: 'Sales', address: 'B3', type: 'number', default: 0.1]
        version.outputs.collect { it.name } == ['total']
    }

    def 'the URI forms of a service resolve over HTTP: #reference'() {
        given:
        def versionId = get('/services/resolve?service=samples/SalesExample').version_id

        expect:
        get('/services/resolve?service=' + URLEncoder.encode(reference == 'version id' ? versionId : reference, 'UTF-8'))
                .version_id == versionId

        where:
        reference << ['samples/SalesExample[1]', 'samples/SalesExample[1.0]', 'samples/SalesExample[1.0.0]',
                      '/folders/samples/services/SalesExample', 'version id']
    }

    def 'execute computes a table of records and answers a table'() {
        when:
        def result = post('/execute', [service: 'samples/SalesExample', correlation_id: 'c-1',
                                       inputs: [['sales_id', 'price', 'quantity', 'tax'], ['a', 19.99, 3, 0.2], ['b', 10, 5, 0]]])

        then:
        result.outputs == [['total'], [71.96], [50]]
        result.errors == [null, null]
        result.warnings == [null, null]
        result.process_time.size() == 2
        result.version == '1.0.0'
        result.service_uri == 'samples/SalesExample[1.0.0]'
        (result.compiler_version as String).startsWith('Sluice-Excel_v1.0.0')
        result.correlation_id == 'c-1'
        result.call_id != null
        result.request_timestamp != null
    }

    def 'execute computes a list of objects and answers objects, each record with its own warnings and errors'() {
        when:
        def result = post('/execute', [service: 'samples/InsuranceQuote', output: ['rate', 'monthly_.*'],
                                       inputs: [[product: 'PLUS', years: 2, amount: 24000], [product: 'NONE', years: 0]]])

        then:
        result.outputs == [[rate: 0.07, monthly_payment: 1140], [rate: '#N/A', monthly_payment: '#N/A']]
        result.errors[0] == null
        result.errors[1].collect { it.error_type } == ['#N/A', '#N/A']
        result.errors[1][0] == [source_path: 'Xoutput_rate', message: 'The cell evaluates to #N/A',
                                error_category: 'calculation_error', error_type: '#N/A']
        result.warnings[0].collect { it.source_path }.contains('Xinput_customer')
    }

    def 'execute answers a table output as a list of row objects in column order, and dates as ISO text'() {
        when:
        def result = post('/execute', [service: 'samples/InsuranceQuote', output: ['schedule', 'end_date', 'age'],
                                       inputs: [[product: 'PLUS', years: 2, amount: 24000, birth_date: '1990-05-17']]])

        then:
        result.outputs == [[age: 35, end_date: '2028-01-01',
                            schedule: [[year: 1, payment: 13680, balance: 13780], [year: 2, payment: 13680, balance: 100]]]]
        (result.outputs[0].schedule[0] as Map).keySet() as List == ['year', 'payment', 'balance']
        result.errors[0] == null
    }

    def 'a workbook is published, versioned, listed, downloaded and retired'() {
        given:
        def file = salesWorkbook()

        when:
        def first = publish([folder: 'tests', service: 'Sales'], file)
        def second = publish([folder: 'tests', service: 'Sales', versioning: 'major'], file)

        then:
        first.status == HttpStatus.CREATED
        first.body().version == '1.0.0'
        first.body().inputs.collect { it.name } == ['price', 'quantity', 'tax']
        second.body().version == '2.0.0'
        second.body().service_id == first.body().service_id
        get('/folders/tests/services/Sales/versions').data.collect { it.version } == ['2.0.0', '1.0.0']
        get("/services/${first.body().service_id}/versions").data.size() == 2
        client.toBlocking().retrieve(withApiKey(HttpRequest.GET("$API/versions/${first.body().version_id}/file")), byte[]) == file

        when:
        def retired = post("/versions/${second.body().version_id}/retire", [:])

        then:
        retired.status == 'retired'
        get('/services/resolve?service=tests/Sales').version == '1.0.0'
    }

    def 'publishing a file that is no workbook answers invalid_workbook with the problems'() {
        when:
        def answer = problem { publish([folder: 'tests', service: 'Broken'], 'not a workbook'.bytes) }

        then:
        answer.status == HttpStatus.BAD_REQUEST
        answer.contentType == 'application/problem+json'
        answer.code == 'invalid_workbook'
        answer.problems[0].location == 'workbook'
    }

    def 'a malformed publication answers validation_error: #why'() {
        when:
        def answer = problem { publish(fields, withFile ? salesWorkbook() : null) }

        then:
        answer.status == HttpStatus.BAD_REQUEST
        answer.code == 'validation_error'

        where:
        why                 | fields                                             | withFile
        'no folder'         | [service: 'Sales']                                 | true
        'no file'           | [folder: 'tests', service: 'NoFile']               | false
        'malformed version' | [folder: 'tests', service: 'Sales', version: 'x'] | true
    }

    def 'publishing an existing version answers version_conflict'() {
        given:
        publish([folder: 'tests', service: 'Twice', version: '1.0.0'], salesWorkbook())

        when:
        def answer = problem { publish([folder: 'tests', service: 'Twice', version: '1.0.0'], salesWorkbook()) }

        then:
        answer.status == HttpStatus.CONFLICT
        answer.code == 'version_conflict'
    }

    def 'an unknown service or version answers service_not_found'() {
        expect:
        problem { post('/execute', [service: 'samples/Nothing', inputs: [[a: 1]]]) }.code == 'service_not_found'
        problem { get("/versions/${UUID.randomUUID()}") }.status == HttpStatus.NOT_FOUND
        problem { get('/services/resolve?service=samples/SalesExample[9]') }.code == 'service_not_found'
    }

    def 'another tenant path answers 404'() {
        given:
        def versionId = get('/services/resolve?service=samples/SalesExample').version_id

        when:
        def answer = problem {
            client.toBlocking().retrieve(withApiKey(HttpRequest.GET("/other/api/v4/versions/$versionId")), Map)
        }

        then:
        answer.status == HttpStatus.NOT_FOUND
    }

    def 'a malformed execute request answers validation_error: #why'() {
        when:
        def answer = problem { post('/execute', body) }

        then:
        answer.status == HttpStatus.BAD_REQUEST
        answer.code == 'validation_error'

        where:
        why              | body
        'no inputs'      | [service: 'samples/SalesExample']
        'no service'     | [inputs: [[price: 1]]]
        'bad reference'  | [service: 'SalesExample', inputs: [[price: 1]]]
        'bad output'     | [service: 'samples/SalesExample', inputs: [[price: 1]], output: ['(']]
        'bad table'      | [service: 'samples/SalesExample', inputs: [['price', 'price'], [1, 2]]]
    }
}
