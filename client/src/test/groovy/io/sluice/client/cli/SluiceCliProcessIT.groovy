package io.sluice.client.cli

import io.sluice.client.FakeSluice
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.math.RoundingMode
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The command line as its own process: the memory claim (millions of records through a heap far
 * smaller than the file, the reorder window spilling to disk when needed) and cancellation when
 * the process is told to stop.
 */
class SluiceCliProcessIT extends Specification {

    static final int RECORDS = 2_000_000

    @AutoCleanup
    FakeSluice sluice = new FakeSluice()

    @TempDir
    Path dir

    def 'two million records pass through a 64 MB heap with every total right'() {
        given:
        def input = dir.resolve('big.csv')
        Files.newBufferedWriter(input).withCloseable { w ->
            w.write('sale_id,price,quantity\n')
            for (int i = 1; i <= RECORDS; i++) {
                w.write("$i,${i % 1000}.${i % 100},${1 + i % 50}\n")
            }
        }
        def output = dir.resolve('totals.csv')
        sluice.holdFirstChunkFor = 100

        when:
        def log = dir.resolve('cli.log').toFile()
        def process = cli(log, '-Xmx64m', '--input', input.toString(), '--output', output.toString(),
                '--chunk-size', '2000', '--reorder-window', '8')
        def finished = process.waitFor(10, TimeUnit.MINUTES)

        then:
        finished
        process.exitValue() == 0
        log.text.contains("records   $RECORDS")
        println log.text.readLines().findAll { !it.contains('records done') }.join('\n')
        Files.size(input) > 30_000_000

        and: 'every output line is its input record, in order, with the right total'
        linesMatchingTheirInput(output) == RECORDS
    }

    def 'stopping the process cancels its batch and leaves only the partial file'() {
        given:
        def input = dir.resolve('sales.csv')
        Files.writeString(input, 'sale_id,price,quantity\n' + (1..20_000).collect { "$it,1.5,2" }.join('\n'))
        def output = dir.resolve('totals.csv')
        sluice.postDelayMillis = 50
        def log = dir.resolve('cli.log').toFile()

        when:
        def process = cli(log, '-Xmx64m', '--input', input.toString(), '--output', output.toString(), '--chunk-size', '100')
        def deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2)
        while (sluice.posts.get() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(50)
        }
        process.destroy()
        process.waitFor(1, TimeUnit.MINUTES)

        then:
        sluice.posts.get() >= 10
        sluice.onlyBatch().status == 'cancelled'
        log.text.contains("cancelled batch ${sluice.onlyBatch().id}")
        !Files.exists(output)
        Files.exists(dir.resolve('totals.csv.partial'))
    }

    private Process cli(File log, String heap, String... options) {
        def command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), heap, '-XX:+UseSerialGC',
                       '-cp', System.getProperty('java.class.path'), SluiceCli.name, 'run',
                       '--url', sluice.url().toString(), '--api-key', FakeSluice.API_KEY,
                       '--service', 'samples/SalesExample', '--key', 'sale_id', '--param', 'tax=0.1'] + options.toList()
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start()
    }

    /** Reads the result file as a stream; stops at the first line that is not what its input gives. */
    static int linesMatchingTheirInput(Path output) {
        Files.newBufferedReader(output).withCloseable { reader ->
            assert reader.readLine() == 'sale_id,total,error'
            int i = 0
            String line
            while ((line = reader.readLine()) != null) {
                i++
                def expected = (new BigDecimal("${i % 1000}.${i % 100}") * (1 + i % 50) * 1.1G).setScale(2, RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString()
                assert line == "$i,$expected,"
            }
            i
        }
    }
}
