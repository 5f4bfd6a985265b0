package io.sluice.webapp.process

import spock.lang.Specification
import spock.lang.TempDir

import java.math.RoundingMode
import java.nio.file.Path

/**
 * The real server process, killed and stopped in the middle of a batch, then started again on the
 * same database: every record still arrives exactly once with its right total. Runs in the
 * integration-test phase against {@code webapp/target/sluice.jar}.
 *
 * <p>Mid-batch is made certain, not hoped for: the batch's output buffer holds only a few chunks'
 * results, so the pipeline pauses with most chunks still queued until results are fetched; the
 * spec fetches a few and stops the server at once, while the workers take up the freed room.
 */
class ServerProcessIT extends Specification {

    static final int CHUNKS = 16
    static final int RECORDS_PER_CHUNK = 5_000
    static final int RECORDS = CHUNKS * RECORDS_PER_CHUNK
    /** Room for about three chunks' results (workers finishing together may overshoot it). */
    static final long OUTPUT_BUFFER_BYTES = 130_000

    @TempDir
    Path dir

    ProcessDatabase database
    List<SluiceProcess> servers = []

    def cleanup() {
        servers*.close()
        database?.close()
    }

    static BigDecimal price(int i) { new BigDecimal((i * 37) % 100_000).movePointLeft(2) }

    static int quantity(int i) { 1 + i % 97 }

    /** The sales example's formula: {@code ROUND(price * quantity * (1 + tax), 2)} with the workbook's tax of 0.1. */
    static BigDecimal total(int i) { (price(i) * quantity(i) * 1.1G).setScale(2, RoundingMode.HALF_UP) }

    /** {@code sluice.process-it.port} and the next ports if set, else a free port of the system's choosing. */
    int nextPort() {
        Integer first = Integer.getInteger('sluice.process-it.port')
        first != null ? first + servers.size() : new ServerSocket(0).withCloseable { it.localPort }
    }

    SluiceProcess start(Map<String, Object> pipeline, String name) {
        def server = SluiceProcess.start(nextPort(), dir.resolve("${name}.log"), dir,
                database.properties() + ['sluice.pipeline.worker-threads': 2] + pipeline)
        servers << server
        server
    }

    /** A batch whose output buffer holds about three chunks' results; all chunks posted, then closed. */
    String aPostedBatch(SluiceProcess server) {
        String id = server.api('POST', '/batch', [service: 'samples/SalesExample', unique_record_key: 'sale_id',
                output: ['total'], max_output_in_mb: OUTPUT_BUFFER_BYTES / 1_000_000]).id
        (0..<CHUNKS).collate(2).each { group ->
            server.api('POST', "/batch/$id/chunks", [chunks: group.collect { aChunk(it) }])
        }
        server.api('PATCH', "/batch/$id", [batch_status: 'closed'])
        id
    }

    static Map aChunk(int n) {
        def rows = (1..RECORDS_PER_CHUNK).collect { k ->
            int i = n * RECORDS_PER_CHUNK + k
            [i, price(i), quantity(i)]
        }
        [id: UUID.randomUUID().toString(), data: [inputs: [['sale_id', 'price', 'quantity']] + rows]]
    }

    /**
     * Waits until the first results are there (the pipeline then pauses on its full output buffer),
     * takes results until the buffer has room, waits (a few seconds at most) until workers hold
     * chunks again, and answers the rows taken.
     */
    static List<List> someResultsMidBatch(SluiceProcess server, String id) {
        def deadline = System.nanoTime() + 30_000_000_000L
        while (server.api('GET', "/batch/$id/status").records_available == 0) {
            assert System.nanoTime() < deadline: 'no result within 30 s'
            Thread.sleep(20)
        }
        def status = server.api('GET', "/batch/$id/status")
        assert status.chunks_completed < CHUNKS: "not mid-batch: $status"
        List<List> taken = []
        while (status.output_buffer_used_bytes >= OUTPUT_BUFFER_BYTES) {
            taken.addAll(rows(server.api('GET', "/batch/$id/chunkresults?max=1")))
            status = server.api('GET', "/batch/$id/status")
        }
        // Best effort, asserted nowhere: signal the server while its workers hold chunks.
        def busy = System.nanoTime() + 5_000_000_000L
        while (server.api('GET', "/batch/$id/status").workers_in_use == 0 && System.nanoTime() < busy) {
            Thread.sleep(1)
        }
        taken
    }

    static List<List> rows(Map results) {
        results.data.collectMany { it.outputs.drop(1) }
    }

    /** Fetches until the batch is completed and nothing is left; answers every row fetched. */
    static List<List> allRemainingResults(SluiceProcess server, String id, long timeoutSeconds) {
        List<List> fetched = []
        def deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L
        while (true) {
            def page = server.api('GET', "/batch/$id/chunkresults?max=100")
            fetched.addAll(rows(page))
            if (page.data.isEmpty() && page.status.batch_status == 'completed') {
                return fetched
            }
            assert System.nanoTime() < deadline: "not done within $timeoutSeconds s: ${page.status}"
            if (page.data.isEmpty()) {
                Thread.sleep(50)
            }
        }
    }

    /** Every sale id once, each with its right total. */
    static void everyRecordExactlyOnce(List<List> rows) {
        assert rows.size() == RECORDS
        def seen = new BitSet(RECORDS + 1)
        rows.each { row ->
            int i = row[0] as int
            assert !seen.get(i): "sale $i arrived twice"
            seen.set(i)
            assert (row[1] as BigDecimal).compareTo(total(i)) == 0: "sale $i: ${row[1]} instead of ${total(i)}"
        }
        assert seen.cardinality() == RECORDS
    }

    def 'a server killed with SIGKILL mid-batch and started again delivers every record exactly once (#kind)'() {
        given:
        database = ProcessDatabase.of(kind, dir)
        def lease = ['sluice.pipeline.lease': '3s', 'sluice.pipeline.chunk-time-limit': '2s']
        def first = start(lease, 'first')
        def id = aPostedBatch(first)
        def before = someResultsMidBatch(first, id)

        when:
        int exit = first.kill()
        def leased = database.chunksLeased()
        long restarted = System.nanoTime()
        def second = start(lease, 'second')
        def after = allRemainingResults(second, id, 45)
        def status = second.api('GET', "/batch/$id/status")
        println "[$kind] killed with ${leased} chunks under lease; ${before.size()} records fetched before the kill, " +
                "${after.size()} after; restart to last result ${(System.nanoTime() - restarted).intdiv(1_000_000)} ms; " +
                "status $status"

        then: 'the JVM died of SIGKILL (128 + 9), not of a shutdown'
        exit == 137
        !first.logText().contains('stops claiming')

        and:
        everyRecordExactlyOnce(before + after)
        status.chunks_completed == CHUNKS
        status.records_completed == RECORDS

        and: 'nothing is left leased once the second server stopped'
        second.terminate() == 143
        database.chunksLeased() == 0

        where:
        kind << ['h2', 'postgres']
    }

    def 'two nodes share a batch on one PostgreSQL; when one is killed the other finishes it, every record once'() {
        given: 'both nodes compute the batch; results are fetched from the one that survives'
        database = ProcessDatabase.of('postgres', dir)
        def lease = ['sluice.pipeline.lease': '3s', 'sluice.pipeline.chunk-time-limit': '2s']
        def doomed = start(lease, 'doomed')
        def survivor = start(lease, 'survivor')
        def id = aPostedBatch(doomed)
        def before = someResultsMidBatch(survivor, id)

        when:
        int exit = doomed.kill()
        def leased = database.chunksLeased()
        def after = allRemainingResults(survivor, id, 45)
        def status = survivor.api('GET', "/batch/$id/status")
        println "[two nodes] ${leased} chunks under lease right after the kill; ${before.size()} records fetched before, " +
                "${after.size()} after; status $status"

        then:
        exit == 137
        everyRecordExactlyOnce(before + after)
        status.chunks_completed == CHUNKS
    }

    def 'a server stopped with SIGTERM mid-batch gives back its chunks and the next start finishes without waiting for a lease (#kind)'() {
        given: 'leases far longer than the spec waits, so a chunk left leased would never come back in time'
        database = ProcessDatabase.of(kind, dir)
        def lease = ['sluice.pipeline.lease': '10m']

        and: 'no grace: the chunks in hand at the signal are given back, not finished'
        def first = start(lease + ['sluice.pipeline.shutdown-grace': '0s'], 'first')
        def id = aPostedBatch(first)
        def before = someResultsMidBatch(first, id)

        when:
        int exit = first.terminate()
        def leased = database.chunksLeased()
        def second = start(lease, 'second')
        def after = allRemainingResults(second, id, 30)
        println "[$kind] ${first.logText().find(/gave back \d+ chunks/)} on SIGTERM; ${before.size()} records fetched " +
                "before, ${after.size()} after\n" + first.logText().readLines().findAll { it =~ /shutting down|Pipeline node/ }.join('\n')

        then: 'the JVM ended on SIGTERM (128 + 15) after a graceful shutdown'
        exit == 143
        first.logText().contains('stops claiming')
        first.logText() =~ /Pipeline node \S+ stopped: gave back \d+ chunks it still held/
        !first.logText().contains('Database is already closed')

        and: 'no chunk was left leased to the stopped node'
        leased == 0

        and:
        everyRecordExactlyOnce(before + after)

        where:
        kind << ['h2', 'postgres']
    }
}
