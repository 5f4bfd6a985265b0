package io.sluice.adapters.pipeline

import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.sluice.application.batch.BatchNotFoundException
import io.sluice.application.batch.BatchQuery
import io.sluice.application.batch.CancelBatch
import io.sluice.application.batch.ChangeBatchStatusCommand
import io.sluice.application.batch.CloseBatch
import io.sluice.application.batch.CreateBatch
import io.sluice.application.batch.CreateBatchCommand
import io.sluice.application.batch.FetchChunkResults
import io.sluice.application.batch.FetchChunkResultsQuery
import io.sluice.application.batch.GetBatch
import io.sluice.application.batch.GetPipelineStatus
import io.sluice.application.batch.GetTenantBatchStatus
import io.sluice.application.batch.RunBatchTimers
import io.sluice.application.batch.SubmitChunks
import io.sluice.application.batch.SubmitChunksCommand
import io.sluice.application.chunk.ChunkInput
import io.sluice.application.chunk.NewChunk
import io.sluice.application.chunk.SummarySpec
import io.sluice.domain.batch.BatchConfiguration
import io.sluice.domain.batch.BatchId
import io.sluice.domain.batch.BatchNotAcceptingChunksException
import io.sluice.domain.buffer.BufferFullException
import io.sluice.domain.chunk.ChunkConflictException
import io.sluice.domain.record.OutputSelection
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import jakarta.inject.Inject
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

@MicronautTest(startApplication = false, transactional = false)
@Property(name = 'datasources.default.url', value = 'jdbc:h2:mem:batch-pipeline-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1')
@Property(name = 'datasources.default.driver-class-name', value = 'org.h2.Driver')
@Property(name = 'datasources.default.dialect', value = 'POSTGRES')
@Property(name = 'flyway.datasources.default.enabled', value = 'true')
@Property(name = 'flyway.datasources.default.locations', value = 'classpath:db/migration')
@Property(name = 'sluice.test.sales-source', value = 'true')
@Property(name = 'sluice.test.mutable-clock', value = 'true')
@Property(name = 'sluice.pipeline.worker-threads', value = '2')
@Property(name = 'sluice.pipeline.timer-interval', value = '1h')
@Property(name = 'sluice.pipeline.tenant-buffer-bytes', value = '100000000000')
class BatchPipelineIT extends Specification {

    static final Caller ALICE = new Caller(TenantId.of('demo'), 'alice', [] as Set)
    static final Caller BOB = new Caller(TenantId.of('demo'), 'bob', [] as Set)
    static final Caller SUPERVISOR = new Caller(TenantId.of('demo'), 'sam', [Caller.SUPERVISOR] as Set)

    @Inject CreateBatch createBatch
    @Inject SubmitChunks submitChunks
    @Inject GetPipelineStatus getPipelineStatus
    @Inject FetchChunkResults fetchChunkResults
    @Inject CloseBatch closeBatch
    @Inject CancelBatch cancelBatch
    @Inject GetBatch getBatch
    @Inject GetTenantBatchStatus getTenantBatchStatus
    @Inject RunBatchTimers timers
    @Inject MutableClock clock
    @Inject PipelineRunner runner

    PollingConditions eventually = new PollingConditions(timeout: 20, delay: 0.05)

    def setup() {
        runner.onStartup(null)
    }

    static ChunkInput chunk(List<List> rows, SummarySpec summary = SummarySpec.NONE, UUID id = UUID.randomUUID()) {
        new ChunkInput(id, ['sale_id', 'price', 'quantity'], rows.collect { it as Object[] }, [tax: 0.1d], summary)
    }

    BatchId aBatch(Map settings = [:], Caller caller = ALICE) {
        def requested = new BatchConfiguration.Requested(null, null, null, null, settings.input as Double,
                settings.output as Double, settings.errors as Integer, OutputSelection.of(settings.containsKey('output_names') ? settings.output_names : ['total']),
                settings.containsKey('key') ? settings.key : 'sale_id', null, 'pipeline spec', null)
        createBatch.create(new CreateBatchCommand(caller, 'samples/SalesExample', requested)).batch().id()
    }

    def status(BatchId id, Caller caller = ALICE) {
        getPipelineStatus.status(new BatchQuery(caller, id))
    }

    def submit(BatchId id, List<ChunkInput> chunks, Caller caller = ALICE) {
        submitChunks.submit(new SubmitChunksCommand(caller, id, chunks))
    }

    def fetch(BatchId id, int max = 100) {
        fetchChunkResults.fetch(new FetchChunkResultsQuery(ALICE, id, max))
    }

    def 'every record is computed, fetched once, and the closed batch completes'() {
        given:
        def id = aBatch()

        when:
        submit(id, [chunk([[1, 20, 65], [2, 74, 73]]), chunk([[3, 20, 65], [4, 34, 73], [5, 62, 62], [6, 43, 87], [7, 23, 35]])])

        then:
        eventually.eventually { assert status(id).recordsAvailable() == 7 }
        status(id).batchStatus() == 'in_progress'

        when:
        def results = fetch(id).results()*.decode()
        def totals = results.collectMany { it.outputs().drop(1) }.collectEntries { [(it[0]): it[1]] }

        then:
        results*.outputs()*.get(0).unique() == [['sale_id', 'total']]
        totals == [1L: 1430d, 2L: 5942.2d, 3L: 1430d, 4L: 2730.2d, 5L: 4228.4d, 6L: 4115.1d, 7L: 885.5d]
        fetch(id).results().isEmpty()

        when:
        def closed = closeBatch.close(new ChangeBatchStatusCommand(ALICE, id))

        then:
        closed.batch().status().wireName() == 'completed'
        with(getBatch.get(new BatchQuery(ALICE, id)).batch().counters()) {
            chunksSubmitted() == 2
            recordsCompleted() == 7
            chunksFetched() == 2
        }
    }

    def 'a chunk posted again with the same content changes nothing'() {
        given:
        def id = aBatch()
        def same = UUID.randomUUID()
        submit(id, [chunk([[1, 20, 65]], SummarySpec.NONE, same)])

        when:
        def after = submit(id, [chunk([[1, 20, 65]], SummarySpec.NONE, same)])

        then:
        after.chunksSubmitted() == 1
        after.recordsSubmitted() == 1
    }

    def 'the same chunk id with other content is a conflict'() {
        given:
        def id = aBatch()
        def same = UUID.randomUUID()
        submit(id, [chunk([[1, 20, 65]], SummarySpec.NONE, same)])

        when:
        submit(id, [chunk([[1, 20, 66]], SummarySpec.NONE, same)])

        then:
        thrown(ChunkConflictException)
        status(id).chunksSubmitted() == 1
    }

    def 'a post that does not fit the input buffer is refused whole'() {
        given: 'room for two and a half chunks, one of them held in the input buffer by a worker computing it'
        def rows = (1..8).collect { [it, 20 + it, 65] }
        def oneChunk = NewChunk.of(chunk(rows)).bytes()
        def id = aBatch(input: oneChunk * 2.5d / 1_000_000)
        SalesCalculationSource.holding = new CountDownLatch(1)
        SalesCalculationSource.release = new CountDownLatch(1)
        submit(id, [chunk([[0, 'hold', 65]] + rows.drop(1))])
        assert SalesCalculationSource.holding.await(20, TimeUnit.SECONDS)

        when:
        submit(id, [chunk(rows), chunk(rows)])

        then:
        def e = thrown(BufferFullException)
        !e.neverFits()
        status(id).chunksSubmitted() == 1
        status(id).recordsSubmitted() == 8

        cleanup:
        SalesCalculationSource.release.countDown()
    }

    def 'a chunk larger than the whole input buffer can never fit'() {
        given:
        def id = aBatch(input: 0.00001d)

        when:
        submit(id, [chunk((1..100).collect { [it, 1000 + it, 65 + it] })])

        then:
        def e = thrown(BufferFullException)
        e.neverFits()
    }

    def 'a full output buffer pauses the pipeline and fetching resumes it'() {
        given:
        def id = aBatch(output: 0.000001d)

        when:
        submit(id, (1..3).collect { chunk([[it, 20, 65]]) })

        then: 'each worker may finish the chunk it holds, then nothing more is computed'
        eventually.eventually { assert status(id).pipelineStatus() == 'paused' }
        sleep(300)
        status(id).chunksCompleted() < 3
        status(id).outputBufferRemainingBytes() == 0

        when: 'the client keeps fetching'
        def fetched = []
        eventually.eventually {
            fetched.addAll(fetch(id).results())
            assert fetched.size() == 3
        }

        then:
        status(id).chunksCompleted() == 3
    }

    def 'cancelling discards both buffers and stops the batch'() {
        given:
        def id = aBatch(output: 0.000001d)
        submit(id, (1..3).collect { chunk([[it, 20, 65]]) })
        eventually.eventually { assert status(id).pipelineStatus() == 'paused' }

        when:
        def cancelled = cancelBatch.cancel(new ChangeBatchStatusCommand(ALICE, id))

        then:
        cancelled.batch().status().wireName() == 'cancelled'
        with(status(id)) {
            inputBufferUsedBytes() == 0
            outputBufferUsedBytes() == 0
            recordsAvailable() == 0
        }
        fetch(id).results().isEmpty()

        when:
        submit(id, [chunk([[9, 20, 65]])])

        then:
        thrown(BatchNotAcceptingChunksException)
    }

    def 'a chunk that keeps failing is retried and then returns an error for every record'() {
        given:
        def id = aBatch(errors: 100)

        when:
        submit(id, [chunk([[1, 'boom', 65], [2, 20, 65]])])

        then:
        eventually.eventually { assert status(id).chunksAvailable() == 1 }
        with(getBatch.get(new BatchQuery(ALICE, id)).batch().counters()) {
            chunksRetried() == 2
            recordsRetried() == 4
            chunksFailed() == 1
            recordsFailed() == 2
        }

        when:
        def result = fetch(id).results()[0].decode()

        then:
        result.errors().every { it != null && it[0].errorCategory() == 'processing_error' }
        result.outputs()*.get(0) == ['sale_id', 1L, 2L]
    }

    def 'more failed chunks than acceptable fail the batch'() {
        given:
        def id = aBatch(errors: 0)
        submit(id, [chunk([[1, 'boom', 65]]), chunk([[2, 20, 65]])])
        eventually.eventually { assert status(id).chunksAvailable() == 2 }
        fetch(id)

        expect:
        closeBatch.close(new ChangeBatchStatusCommand(ALICE, id)).batch().status().wireName() == 'failed'
    }

    def 'a chunk summary sums its records and an erroring record poisons the sum'() {
        given:
        def id = aBatch(output_names: [], key: null)
        def sum = new SummarySpec(false, ['total'])

        when:
        submit(id, [chunk([[8, 20, 65], [9, 74, 73]], sum), chunk([[10, 20, 0]], new SummarySpec(false, ['unit']))])

        then:
        eventually.eventually { assert status(id).chunksAvailable() == 2 }

        when:
        def results = fetch(id).results()*.decode()

        then:
        results[0].summaryOutput() == [[['total_SUM'], [7372.2d]]]
        results[0].outputs() == [[], [], []]
        results[1].summaryOutput() == [[['unit_SUM'], ['#DIV/0!']]]
    }

    def 'a supervisor sees every batch of the tenant, anyone else only their own'() {
        given:
        def alices = aBatch([:], ALICE)
        def bobs = aBatch([:], BOB)

        expect:
        getTenantBatchStatus.status(SUPERVISOR).inProgress()*.batch()*.id().containsAll([alices, bobs])
        !getTenantBatchStatus.status(ALICE).inProgress()*.batch()*.id().contains(bobs)

        when:
        getBatch.get(new BatchQuery(ALICE, bobs))

        then:
        thrown(BatchNotFoundException)
    }

    def 'another tenant never finds the batch'() {
        given:
        def id = aBatch()

        when:
        status(id, new Caller(TenantId.of('other'), 'alice', [] as Set))

        then:
        thrown(BatchNotFoundException)
    }

    def 'a batch without activity for 30 minutes is closed by timeout and completes'() {
        given:
        def id = aBatch()
        submit(id, [chunk([[1, 20, 65]])])
        eventually.eventually { assert status(id).chunksAvailable() == 1 }

        when:
        clock.advance(Duration.ofMinutes(29))
        timers.run()

        then:
        status(id).batchStatus() == 'in_progress'

        when:
        clock.advance(Duration.ofMinutes(2))
        timers.run()

        then:
        status(id).batchStatus() == 'completed_by_timeout'
    }
}
