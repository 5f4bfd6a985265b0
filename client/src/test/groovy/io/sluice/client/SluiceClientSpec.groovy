package io.sluice.client

import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import javax.net.ssl.SSLContext

import java.time.Duration

class SluiceClientSpec extends Specification {

    @Shared
    @AutoCleanup
    FakeSluice sluice = new FakeSluice()

    static RetryPolicy quickRetries() {
        new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(50), new Random(), { Duration d -> Thread.sleep(d.toMillis()) } as RetryPolicy.Sleeper)
    }

    SluiceClient client(Credentials credentials, String tenant = FakeSluice.TENANT) {
        new SluiceClient(new Connection(sluice.url(), tenant, credentials), quickRetries())
    }

    def 'a plain http connection never sets up TLS; an https one uses the JDK default'() {
        given:
        def key = new Credentials.ApiKey(FakeSluice.API_KEY)

        expect:
        new SluiceClient(new Connection(URI.create('http://localhost:8080'), 'demo', key)).http.sslContext().is(PlainHttp.NO_TLS)
        new SluiceClient(new Connection(URI.create('https://sluice.example'), 'demo', key)).http.sslContext().is(SSLContext.getDefault())

        when:
        PlainHttp.NO_TLS.createSSLEngine()

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('plain http')
    }

    def 'an API key travels as x-synthetic-key with x-tenant-name'() {
        when:
        def batch = client(new Credentials.ApiKey(FakeSluice.API_KEY)).createBatch(BatchRequest.of('samples/SalesExample', null, 'sale_id'))

        then:
        batch.status() == 'created'
        sluice.headersSeen['x-synthetic-key'] == [FakeSluice.API_KEY]
        sluice.headersSeen['x-tenant-name'] == [FakeSluice.TENANT]
    }

    def 'a bearer token travels in the Authorization header'() {
        expect:
        client(new Credentials.BearerToken(FakeSluice.TOKEN)).tenantBatches().has('in_progress_batches')
    }

    def 'an error answer becomes an exception with the problem code'() {
        when:
        client(new Credentials.ApiKey(FakeSluice.API_KEY)).createBatch(BatchRequest.of('nowhere/Nothing', null, null))

        then:
        def e = thrown(SluiceApiException)
        e.status() == 404
        e.code() == 'service_not_found'
        e.message.contains('nowhere/Nothing')
    }

    def 'wrong credentials are a 401, not retried'() {
        when:
        client(new Credentials.ApiKey('sk_wrong')).tenantBatches()

        then:
        def e = thrown(SluiceApiException)
        e.status() == 401
        e.code() == 'unauthorized'
    }

    def 'the batch lifecycle reads back what the server says'() {
        given:
        def client = client(new Credentials.ApiKey(FakeSluice.API_KEY))
        def batch = client.createBatch(BatchRequest.of('samples/SalesExample', ['total'], 'sale_id'))
        def chunk = '{"chunks":[{"id":"' + UUID.randomUUID() + '","data":{"inputs":[["sale_id","price","quantity"],[1,20,65]],"parameters":{"tax":0.1}},"size":1}]}'

        when:
        def accepted = client.submitChunks(batch.id(), chunk.bytes)
        def results = client.chunkResults(batch.id(), 100)
        def closed = client.close(batch.id())

        then:
        accepted.batchStatus() == 'in_progress'
        accepted.recordSubmitted() == 1
        results.data().size() == 1
        results.data()[0].outputs()[1]*.decimalValue() == [1G, 1430.00G]
        closed.status() == 'completed'
        client.status(batch.id()).isFinal()
    }

    def 'chunk results ask for at most 100 chunks'() {
        when:
        client(new Credentials.ApiKey(FakeSluice.API_KEY)).chunkResults('any', 101)

        then:
        thrown(IllegalArgumentException)
    }

    def 'execute, list and publish reach their endpoints'() {
        given:
        def client = client(new Credentials.ApiKey(FakeSluice.API_KEY))
        def body = Json.mapper().createObjectNode().put('service', 'samples/SalesExample')
        body.putArray('inputs').addObject().put('price', 20).put('quantity', 65)
        def workbook = File.createTempFile('sales', '.xlsx')
        workbook.bytes = [1, 2, 3] as byte[]

        expect:
        client.execute(body).path('outputs').get(0).path('total').decimalValue() == 1430.00G
        client.services().path('data').size() == 1
        client.publishService(workbook.toPath(), 'samples', 'Copy').path('multipart').asBoolean()

        cleanup:
        workbook.delete()
    }

    def 'the tenant is part of every path'() {
        expect:
        new Connection(URI.create('http://host:8080/'), 'acme', new Credentials.None()).api('/batch/status') ==
                URI.create('http://host:8080/acme/api/v4/batch/status')
    }
}
