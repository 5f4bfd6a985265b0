package io.sluice.client.server

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import io.sluice.client.BatchRequest
import io.sluice.client.ChunkResult
import io.sluice.client.Connection
import io.sluice.client.Credentials
import io.sluice.client.Json
import io.sluice.client.SluiceApiException
import io.sluice.client.SluiceClient
import io.sluice.client.batch.BatchRun
import io.sluice.client.batch.CompletedChunk
import io.sluice.client.batch.ReorderBuffer
import io.sluice.client.batch.RunFailedException
import io.sluice.client.batch.ChunkLimits
import io.sluice.client.batch.RunSettings
import io.sluice.client.cli.SluiceCli
import io.sluice.client.io.Format
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.math.RoundingMode
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.atomic.AtomicBoolean

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/** The client and the command line against a real Sluice started in-process on an in-memory H2. */
class SluiceServerIT extends Specification {

    static final String API_KEY = 'sk_sluice_client_it_key_000000000000000000000'
    static final String ADMIN_PASSWORD = 'client-it-admin-password'

    @Shared
    @AutoCleanup
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer, [
            'micronaut.server.port'            : -1,
            'datasources.default.url'          : 'jdbc:h2:mem:sluice-client-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1',
            'sluice.bootstrap.tenant'          : 'demo',
            'sluice.bootstrap.api-key'         : API_KEY,
            'sluice.bootstrap.admin-password'  : ADMIN_PASSWORD,
    ] as Map<String, Object>)

    @TempDir
    Path dir

    static BigDecimal price(int i) { new BigDecimal((i * 37) % 100_000).movePointLeft(2) }

    static int quantity(int i) { 1 + i % 97 }

    /** Reads the result file as a stream; fails at the first line that is not what its input gives. */
    static int linesMatchingTheirInput(Path output) {
        Files.newBufferedReader(output).withCloseable { reader ->
            assert reader.readLine() == 'sale_id,total,error'
            int i = 0
            String line
            while ((line = reader.readLine()) != null) {
                i++
                def total = (price(i) * quantity(i) * 1.1G).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                assert line == "$i,$total,"
            }
            i
        }
    }

    static List<ChunkResult> fetchAll(SluiceClient client, String batchId, int chunks) {
        List<ChunkResult> results = []
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos()
        while (results.size() < chunks && System.nanoTime() < deadline) {
            results.addAll(client.chunkResults(batchId, 100).data())
            Thread.sleep(50)
        }
        results
    }

    SluiceClient client(Credentials credentials = new Credentials.ApiKey(API_KEY)) {
        new SluiceClient(new Connection(server.URI, 'demo', credentials))
    }

    String bearerToken() {
        def body = Json.mapper().writeValueAsString([tenant: 'demo', username: 'admin', password: ADMIN_PASSWORD])
        def response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.URI.resolve('/login'))
                .header('Content-Type', 'application/json').POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString())
        assert response.statusCode() == 200
        Json.mapper().readTree(response.body()).get('access_token').asText()
    }

    Map cli(String... args) {
        def out = new StringWriter()
        def err = new StringWriter()
        def commandLine = SluiceCli.commandLine()
        commandLine.out = new PrintWriter(out)
        commandLine.err = new PrintWriter(err)
        int exit = commandLine.execute((args.toList() + ['--url', server.URI.toString(), '--api-key', API_KEY]) as String[])
        [exit: exit, out: out.toString(), err: err.toString()]
    }

    static com.fasterxml.jackson.databind.node.ObjectNode salesRecord(price, quantity) {
        def body = Json.mapper().createObjectNode().put('service', 'samples/SalesExample')
        body.putArray('inputs').addObject().put('price', price as BigDecimal).put('quantity', quantity as BigDecimal)
        body
    }

    def 'the client executes the sample service with the bootstrap API key'() {
        when:
        def answer = client().execute(salesRecord(20, 65))

        then:
        answer.path('outputs').get(0).path('total').decimalValue() == 1430G
        answer.path('service_uri').asText() == 'samples/SalesExample[1.0.0]'
    }

    def 'a bearer token from the login endpoint works as well'() {
        expect:
        client(new Credentials.BearerToken(bearerToken())).execute(salesRecord(74, 73))
                .path('outputs').get(0).path('total').decimalValue() == 5942.2G
    }

    def 'the server refuses a wrong key with its problem code'() {
        when:
        client(new Credentials.ApiKey('sk_sluice_wrong')).services()

        then:
        def e = thrown(SluiceApiException)
        e.status() == 401
    }

    def 'the command line lists services and executes a record'() {
        when:
        def list = cli('services', 'list')
        def execute = cli('execute', '--service', 'samples/SalesExample', '--input', 'price=20', '--input', 'quantity=65',
                '--input', 'tax=0')

        then:
        list.exit == 0
        list.out.contains('SalesExample')
        execute.exit == 0
        execute.out.contains('"total" : 1300')
    }

    def 'run streams 100,000 records through a batch and every total comes back right, in input order'() {
        given:
        def input = dir.resolve('sales.csv')
        Files.newBufferedWriter(input).withCloseable { w ->
            w.write('sale_id,price,quantity\n')
            for (int i = 1; i <= 100_000; i++) {
                w.write("$i,${price(i)},${quantity(i)}\n")
            }
        }
        def output = dir.resolve('totals.csv')

        when:
        def result = cli('run', '--service', 'samples/SalesExample', '--input', input.toString(), '--output', output.toString(),
                '--key', 'sale_id', '--param', 'tax=0.1', '--output-names', 'total', '--chunk-size', '1000')

        then:
        result.exit == 0
        result.out.contains('records   100000')
        result.out.contains('failures  0')
        result.out =~ /batch     \S+ completed/
        linesMatchingTheirInput(output) == 100_000
    }

    def 'quoted fields, empty values and a byte order mark reach the service as they are meant'() {
        given:
        def input = Files.writeString(dir.resolve('odd.csv'),
                '\uFEFFsale_id,price,quantity,note\r\n1,20,65,"a, ""quoted"" note"\r\n2,,3,\r\n"3","2.5","4","two\nlines"\r\nA-7,abc,1,x\r\n')
        def output = dir.resolve('odd.out.csv')

        when:
        def result = cli('run', '--service', 'samples/SalesExample', '--input', input.toString(), '--output', output.toString(),
                '--key', 'sale_id', '--chunk-size', '3')

        then: 'an empty price is sent as null, which the workbook computes as a blank cell'
        result.exit == 0
        result.out.contains('failures  1')
        Files.readAllLines(output) == ['sale_id,total,error', '1,1430,', '2,0,', '3,11,',
                                       'A-7,,"Input price expects a number, not \'abc\'"']
    }

    def 'JSON lines in, JSON lines out, with the error objects of a failed record'() {
        given:
        def input = Files.writeString(dir.resolve('sales.jsonl'), '{"id":"a","price":20,"quantity":65}\n{"id":"b","price":"x","quantity":1}\n')
        def output = dir.resolve('totals.jsonl')

        when:
        def result = cli('run', '--service', 'samples/SalesExample', '--input', input.toString(), '--output', output.toString(),
                '--key', 'id')
        def lines = Files.readAllLines(output).collect { Json.mapper().readTree(it) }

        then:
        result.exit == 0
        lines[0].path('id').asText() == 'a'
        lines[0].path('total').decimalValue() == 1430G
        lines[1].path('error').get(0).path('source_path').asText() == 'Xinput_price'
    }

    def 'the batch lifecycle through the client: create, post, fetch, close, read back'() {
        given:
        def client = client()
        def batch = client.createBatch(BatchRequest.of('samples/SalesExample', ['total'], 'sale_id'))
        def id = UUID.randomUUID()
        def chunk = '{"chunks":[{"id":"' + id + '","data":{"inputs":[["sale_id","price","quantity"],[1,20,65],[2,74,73]],"parameters":{"tax":0.1}},"size":2}]}'

        when:
        client.submitChunks(batch.id(), chunk.bytes)
        def again = client.submitChunks(batch.id(), chunk.bytes)
        def results = fetchAll(client, batch.id(), 1)
        client.close(batch.id())

        then: 'the same chunk posted twice is accepted once'
        again.recordSubmitted() == 2
        results*.id() == [id]
        results[0].outputs()[1..2].collect { it*.decimalValue() } == [[1G, 1430G], [2G, 5942.2G]]
        client.batch(batch.id()).status() == 'completed'
        client.status(batch.id()).isFinal()
    }

    def 'a cancelled run leaves its batch cancelled on the server'() {
        given:
        def input = dir.resolve('cancel.csv')
        Files.writeString(input, 'sale_id,price,quantity\n' + (1..50_000).collect { "$it,1.5,2" }.join('\n'))
        def settings = new RunSettings(BatchRequest.of('samples/SalesExample', null, 'sale_id'), ChunkLimits.ofRecords(100), null, 2, 4, 8, true,
                dir, Duration.ofMillis(50))
        def run = new BatchRun(client(), settings, null)
        def cancelled = new AtomicBoolean()
        def sink = { CompletedChunk chunk ->
            if (chunk.firstRecord() >= 500 && cancelled.compareAndSet(false, true)) {
                Thread.start { run.cancel() }
            }
        } as ReorderBuffer.Sink

        when:
        run.run(Format.CSV.open(Files.newInputStream(input)), sink)

        then:
        thrown(RunFailedException)
        client().batch(run.batchId()).status() == 'cancelled'
    }

    def 'batches and status show the tenant\'s batches'() {
        given:
        def batch = client().createBatch(BatchRequest.of('samples/SalesExample', null, null))

        when:
        def batches = cli('batches')
        def status = cli('status', batch.id())

        then:
        batches.exit == 0
        batches.out.contains(batch.id())
        status.exit == 0
        status.out.contains('"batch_status" : "created"')
    }

    def 'an unknown service is reported with the server\'s code'() {
        when:
        def result = cli('execute', '--service', 'nowhere/Nothing', '--input', 'price=1')

        then:
        result.exit == 3
        result.err.contains('service_not_found')
    }
}
