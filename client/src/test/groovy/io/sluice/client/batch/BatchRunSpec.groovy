package io.sluice.client.batch

import io.sluice.client.BatchRequest
import io.sluice.client.Connection
import io.sluice.client.Credentials
import io.sluice.client.FakeSluice
import io.sluice.client.Json
import io.sluice.client.SluiceClient
import io.sluice.client.SluiceClientSpec
import io.sluice.client.io.Format
import io.sluice.client.io.CsvRecordSource
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.time.Duration

class BatchRunSpec extends Specification {

    @AutoCleanup
    FakeSluice sluice = new FakeSluice()

    @TempDir
    Path spill

    SluiceClient client() {
        new SluiceClient(new Connection(sluice.url(), FakeSluice.TENANT, new Credentials.ApiKey(FakeSluice.API_KEY)),
                SluiceClientSpec.quickRetries())
    }

    RunSettings settings(int chunkSize, boolean ordered = true, int inFlight = 16, int memory = 64) {
        new RunSettings(BatchRequest.of('samples/SalesExample', ['total'], 'sale_id'), ChunkLimits.ofRecords(chunkSize),
                Json.mapper().createObjectNode().put('tax', 0.1), 4, inFlight, memory, ordered, spill, Duration.ofMillis(20))
    }

    static String sales(int records) {
        def text = new StringBuilder('sale_id,price,quantity\n')
        for (int i = 1; i <= records; i++) {
            text << i << ',' << price(i) << ',' << quantity(i) << '\n'
        }
        text.toString()
    }

    static BigDecimal price(int i) { new BigDecimal((i * 37) % 10000).movePointLeft(2) }

    static int quantity(int i) { 1 + i % 97 }

    static String expectedTotal(int i) {
        FakeSluice.total(price(i), quantity(i) as BigDecimal, 0.1G).stripTrailingZeros().toPlainString()
    }

    Map run(RunSettings settings, String csv, Format format = Format.CSV) {
        def out = new ByteArrayOutputStream()
        def writer = new ResultWriter(out, format, !settings.ordered())
        def source = new CsvRecordSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
        def summary = new BatchRun(client(), settings, null).run(source, writer)
        writer.close()
        [summary: summary, lines: out.toString(StandardCharsets.UTF_8).readLines()]
    }

    def '100,000 records come back in input order, every total right'() {
        when:
        def result = run(settings(1000), sales(100_000))
        RunSummary summary = result.summary
        List<String> lines = result.lines

        then:
        summary.records() == 100_000
        summary.failures() == 0
        summary.chunks() == 100
        summary.batchStatus() == 'completed'
        lines[0] == 'sale_id,total,error'
        lines.size() == 100_001
        (1..100_000).every { int i -> lines[i] == "$i,${expectedTotal(i)}," }
    }

    def 'unordered, results carry their input position and all arrive'() {
        when:
        def result = run(settings(7, false), sales(1000))
        List<String> lines = result.lines

        then:
        lines[0] == 'record,sale_id,total,error'
        lines.tail().collect { it.split(',')[0] as int }.toSorted() == (1..1000).toList()
        lines.tail().every { String line -> def cells = line.split(','); cells[0] == cells[1] && cells[2] == expectedTotal(cells[0] as int) }
    }

    def 'a full input buffer, unavailable answers and lost responses still deliver every record exactly once'() {
        given:
        sluice.bufferChunks = 3
        sluice.unavailableEvery = 5
        sluice.lostResponseEvery = 7

        when:
        def result = run(settings(10), sales(2000))
        List<String> lines = result.lines

        then:
        sluice.tooManyRequests.get() > 0
        sluice.duplicates.get() > 0
        sluice.conflicts.get() == 0
        sluice.onlyBatch().accepted == 200
        lines.size() == 2001
        (1..2000).every { int i -> lines[i] == "$i,${expectedTotal(i)}," }
    }

    def 'chunks behind a late one wait on disk beyond the reorder window, and order holds'() {
        given:
        sluice.holdFirstChunkFor = 150

        when:
        def result = run(settings(5, true, 16, 4), sales(1000))
        List<String> lines = result.lines

        then:
        (result.summary as RunSummary).spilledChunks() > 100
        (1..1000).every { int i -> lines[i].startsWith("$i,") }
    }

    def 'result rows the server returns in another order are placed by their key'() {
        given:
        sluice.reverseRows = true

        when:
        def result = run(settings(10), 'sale_id,price,quantity\n' + (1..25).collect { "$it,${it},2" }.join('\n') + '\n5000,,1\n')
        List<String> lines = result.lines

        then:
        (1..25).every { int i -> lines[i] == "$i,${FakeSluice.total(i as BigDecimal, 2G, 0.1G).stripTrailingZeros().toPlainString()}," }
        lines[26] == '5000,,#VALUE! not a number'
    }

    def 'records the service cannot compute are counted and written with their error'() {
        when:
        def result = run(settings(2), 'sale_id,price,quantity\n1,20,65\n2,,3\n3,abc,1\n')

        then:
        (result.summary as RunSummary).failures() == 2
        result.lines == ['sale_id,total,error', '1,1430,', '2,,#VALUE! not a number', '3,,#VALUE! not a number']
    }

    def 'the in-flight window bounds the chunks between reader and writer'() {
        given:
        sluice.postDelayMillis = 2

        when:
        run(settings(1, true, 4, 64), sales(300))

        then:
        sluice.onlyBatch().accepted == 300
        sluice.tooManyRequests.get() == 0
    }

    def 'a post answered with results waiting cuts the fetcher\'s pause short'() {
        given: 'a post answered after 1.3 s, and pauses between empty fetches that may double up to a minute'
        sluice.postDelayMillis = 1300
        def settings = new RunSettings(BatchRequest.of('samples/SalesExample', ['total'], 'sale_id'), ChunkLimits.ofRecords(10),
                Json.mapper().createObjectNode().put('tax', 0.1), 1, 1, 64, true, spill, Duration.ofMinutes(1))

        when: 'left to its pauses, the fetcher would look again only 2.55 s after it started'
        long start = System.nanoTime()
        def result = run(settings, sales(10))
        long millis = (System.nanoTime() - start).intdiv(1_000_000)

        then:
        result.lines.size() == 11
        millis < 2200
    }

    def 'a chunk the server refuses for good stops the run and cancels the batch'() {
        given:
        def csv = 'sale_id,price,quantity\n1,1,1\n'
        sluice.unavailableEvery = 1

        when:
        run(settings(1), csv)

        then:
        def e = thrown(RunFailedException)
        e.message.contains('503')
        sluice.cancels.get() == 1
        sluice.onlyBatch().status == 'cancelled'
    }

    def 'cancelling a run while its batch is being created cancels the batch once it exists'() {
        given:
        sluice.createDelayMillis = 500
        def source = new CsvRecordSource(new ByteArrayInputStream(sales(100).getBytes(StandardCharsets.UTF_8)))
        def run = new BatchRun(client(), settings(10), null)

        when:
        Thread.start { Thread.sleep(100); run.cancel() }
        run.run(source, new ResultWriter(new ByteArrayOutputStream(), Format.CSV, false))

        then:
        def e = thrown(RunFailedException)
        e.message.contains('cancelled')
        sluice.onlyBatch().status == 'cancelled'
        sluice.posts.get() == 0
    }

    def 'cancelling a run cancels its batch'() {
        given:
        sluice.postDelayMillis = 20
        def source = new CsvRecordSource(new ByteArrayInputStream(sales(5000).getBytes(StandardCharsets.UTF_8)))
        def run = new BatchRun(client(), settings(10), null)
        def writer = new ResultWriter(new ByteArrayOutputStream(), Format.CSV, false)

        when:
        Thread.start { Thread.sleep(300); run.cancel() }
        run.run(source, writer)

        then:
        def e = thrown(RunFailedException)
        e.message.contains('cancelled')
        sluice.onlyBatch().status == 'cancelled'
    }

    def 'a key column the input does not have is refused before a batch is created'() {
        when:
        run(settings(10), 'id,price,quantity\n1,2,3\n')

        then:
        thrown(IllegalArgumentException)
        sluice.batches.isEmpty()
    }

    def 'an unknown service fails before anything is read'() {
        given:
        def settings = new RunSettings(BatchRequest.of('nowhere/Nothing', null, null), ChunkLimits.ofRecords(10), null, 1, 1, 1, true, spill, Duration.ofMillis(20))

        when:
        new BatchRun(client(), settings, null).run(new CsvRecordSource(new ByteArrayInputStream('a\n1\n'.bytes)), { } as ReorderBuffer.Sink)

        then:
        thrown(io.sluice.client.SluiceApiException)
    }
}
