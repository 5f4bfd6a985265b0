package io.sluice.client.cli

import io.sluice.client.FakeSluice
import io.sluice.client.batch.BatchRunSpec
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

class SluiceCliSpec extends Specification {

    @AutoCleanup
    FakeSluice sluice = new FakeSluice()

    @TempDir
    Path dir

    StringWriter out = new StringWriter()
    StringWriter err = new StringWriter()

    int sluice(String... args) {
        def cli = SluiceCli.commandLine()
        cli.out = new PrintWriter(out)
        cli.err = new PrintWriter(err)
        cli.execute((args as List<String>) + ['--url', sluice.url().toString(), '--api-key', FakeSluice.API_KEY] as String[])
    }

    Path file(String name, String text) {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8)
    }

    def 'run streams a CSV through a batch and writes the totals in input order'() {
        given:
        def input = file('sales.csv', BatchRunSpec.sales(5000))
        def output = dir.resolve('totals.csv')

        when:
        def exit = sluice('run', '--service', 'samples/SalesExample', '--input', input.toString(), '--output', output.toString(),
                '--key', 'sale_id', '--chunk-size', '300', '--param', 'tax=0.1', '--output-names', 'total')
        def lines = Files.readAllLines(output)

        then:
        exit == 0
        lines.size() == 5001
        (1..5000).every { int i -> lines[i] == "$i,${BatchRunSpec.expectedTotal(i)}," }
        out.toString().contains('records   5000')
        out.toString().contains('failures  0')
        out.toString() =~ /rate      \d+ records\/s/
        out.toString() =~ /latency   post chunks   p50 [\d.]+ ms  p99 [\d.]+ ms  max [\d.]+ ms  \(\d+ calls\)/
        out.toString() =~ /latency   chunk results p50 [\d.]+ ms/
        !Files.exists(dir.resolve('totals.csv.partial'))
    }

    def 'chunks hold 10,000 records unless their body reaches --chunk-bytes first'() {
        given:
        def input = file('sales.csv', BatchRunSpec.sales(25_000))
        def output = dir.resolve('totals.csv')

        when:
        def exit = sluice(['run', '--service', 'samples/SalesExample', '--input', input.toString(),
                           '--output', output.toString(), '--key', 'sale_id', '--param', 'tax=0.1'] + options as String[])

        then:
        exit == 0
        Files.readAllLines(output).size() == 25_001
        (out.toString() =~ /chunks {4}(\d+)/)[0][1] as int == chunks

        where:
        options                       || chunks
        []                            || 3
        ['--chunk-bytes', '65536']    || 7
        ['--chunk-size', '20000']     || 2
    }

    def 'TLS is prepared ahead only when the URL may be https: #args with SLUICE_URL #variable'() {
        expect:
        SluiceCli.mayUseTls(args as String[], variable) == tls

        where:
        args                                   | variable                || tls
        ['batches']                            | null                    || false
        ['batches']                            | 'http://localhost:8080' || false
        ['batches']                            | 'https://sluice.example' || true
        ['batches', '--url', 'HTTPS://x']      | null                    || true
        ['batches', '--url=https://x']         | 'http://localhost:8080' || true
        ['batches', '--url', 'http://x']       | null                    || false
    }

    def 'quoted fields, empty values and a byte order mark reach the service as they are meant'() {
        given:
        def input = file('odd.csv', '\uFEFFsale_id,price,quantity,note\r\n1,20,65,"a, ""quoted"" note"\r\n2,,3,\r\n"3","2.5","4","two\nlines"\r\n')
        def output = dir.resolve('odd.csv.out')

        when:
        def exit = sluice('run', '--service', 'samples/SalesExample', '--input', input.toString(), '--output', output.toString(),
                '--key', 'sale_id')

        then:
        exit == 0
        Files.readAllLines(output) == ['sale_id,total,error', '1,1430,', '2,,#VALUE! not a number', '3,11,']
        out.toString().contains('failures  1')
    }

    def 'JSON lines in, JSON lines out'() {
        given:
        def input = file('sales.jsonl', '{"sale_id":"a","price":20,"quantity":65}\n{"sale_id":"b","price":74,"quantity":73}\n')
        def output = dir.resolve('totals.jsonl')

        when:
        def exit = sluice('run', '--service', 'samples/SalesExample', '--input', input.toString(), '--output', output.toString(),
                '--key', 'sale_id', '--format', 'jsonl')

        then:
        exit == 0
        Files.readAllLines(output) == ['{"sale_id":"a","total":1430.00}', '{"sale_id":"b","total":5942.20}']
    }

    def 'without a terminal, progress is written as plain lines'() {
        given:
        def input = file('sales.csv', BatchRunSpec.sales(100))

        when:
        sluice('run', '--service', 'samples/SalesExample', '--input', input.toString(), '--output', dir.resolve('o.csv').toString())

        then:
        out.toString().contains('records   100')
    }

    def 'a failed run says why and leaves only the partial file'() {
        given:
        def input = file('sales.csv', BatchRunSpec.sales(10))

        when:
        def exit = sluice('run', '--service', 'nowhere/Nothing', '--input', input.toString(), '--output', dir.resolve('o.csv').toString())

        then:
        exit == 3
        err.toString().contains('service_not_found')
        !Files.exists(dir.resolve('o.csv'))
    }

    def 'batches lists the tenant view as a table'() {
        given:
        sluice('run', '--service', 'samples/SalesExample', '--input', file('s.csv', BatchRunSpec.sales(10)).toString(),
                '--output', dir.resolve('o.csv').toString())
        out.buffer.setLength(0)

        when:
        def exit = sluice('batches')

        then:
        exit == 0
        out.toString().readLines()[0].startsWith('ID')
        out.toString().contains(sluice.onlyBatch().id)
        out.toString().contains('completed')
    }

    def 'status shows one batch, or the tenant view without an id'() {
        given:
        sluice('run', '--service', 'samples/SalesExample', '--input', file('s.csv', BatchRunSpec.sales(10)).toString(),
                '--output', dir.resolve('o.csv').toString())
        out.buffer.setLength(0)

        when:
        sluice('status', sluice.onlyBatch().id)

        then:
        out.toString().contains('"record_submitted" : 10')

        when:
        out.buffer.setLength(0)
        sluice('status')

        then:
        out.toString().contains('recent_batches')
    }

    def 'execute computes one record'() {
        when:
        def exit = sluice('execute', '--service', 'samples/SalesExample', '--input', 'price=20', '--input', 'quantity=65')

        then:
        exit == 0
        out.toString().contains('"total" : 1430.00')
    }

    def 'services are listed and published'() {
        given:
        def workbook = Files.write(dir.resolve('Sales.xlsx'), [1, 2, 3] as byte[])

        expect:
        sluice('services', 'list') == 0
        out.toString().contains('SalesExample')
        sluice('services', 'publish', workbook.toString(), '--folder', 'samples', '--name', 'Copy') == 0
        out.toString().contains('"multipart" : true')
    }

    def 'a wrong API key is reported, not thrown'() {
        when:
        def cli = SluiceCli.commandLine()
        cli.err = new PrintWriter(err)
        def exit = cli.execute('batches', '--url', sluice.url().toString(), '--api-key', 'sk_wrong')

        then:
        exit == 1
        err.toString().contains('401 unauthorized')
    }

    def 'a missing required option is a usage error'() {
        expect:
        sluice('run', '--service', 'samples/SalesExample') == 2
        err.toString().contains('--input')
    }

    def 'before it exits the command line ends the HTTP client\'s selector thread, which the JVM would wait for'() {
        given: 'a command has talked to Sluice, so its HTTP client has a selector thread'
        sluice('batches') == 0
        def selectors = { Thread.allStackTraces.keySet().findAll { it.name ==~ /HttpClient-\d+-SelectorManager/ && it.alive } }
        assert !selectors().isEmpty()

        when:
        SluiceCli.stopHttpSelectors()

        then:
        selectors().every { it.join(5000); !it.alive }
    }
}
