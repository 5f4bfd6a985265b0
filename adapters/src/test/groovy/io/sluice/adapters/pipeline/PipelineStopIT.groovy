package io.sluice.adapters.pipeline

import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.sluice.application.batch.BatchQuery
import io.sluice.application.batch.CalculationSource
import io.sluice.application.batch.CreateBatch
import io.sluice.application.batch.CreateBatchCommand
import io.sluice.application.batch.GetPipelineStatus
import io.sluice.application.batch.PipelineSettings
import io.sluice.application.batch.PipelineWorkers
import io.sluice.application.batch.SubmitChunks
import io.sluice.application.batch.SubmitChunksCommand
import io.sluice.application.chunk.ChunkInput
import io.sluice.application.chunk.SummarySpec
import io.sluice.application.port.BatchRepository
import io.sluice.application.port.ChunkStore
import io.sluice.application.port.Clock
import io.sluice.domain.batch.BatchConfiguration
import io.sluice.domain.record.OutputSelection
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import jakarta.inject.Inject
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ThreadFactory

/**
 * A node that stops while a worker is in the middle of a chunk gives the chunk back at once, and
 * the worker's late result is never stored. The chunk is held deterministically: its record waits
 * inside the evaluator until the spec lets it go. Only this spec's own workers run.
 */
@MicronautTest(startApplication = false, transactional = false)
@Property(name = 'datasources.default.url', value = 'jdbc:h2:mem:pipeline-stop-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1')
@Property(name = 'datasources.default.driver-class-name', value = 'org.h2.Driver')
@Property(name = 'datasources.default.dialect', value = 'POSTGRES')
@Property(name = 'flyway.datasources.default.enabled', value = 'true')
@Property(name = 'flyway.datasources.default.locations', value = 'classpath:db/migration')
@Property(name = 'sluice.test.sales-source', value = 'true')
@Property(name = 'sluice.pipeline.workers-enabled', value = 'false')
@Property(name = 'sluice.pipeline.timer-interval', value = '1h')
class PipelineStopIT extends Specification {

    static final Caller ALICE = new Caller(TenantId.of('demo'), 'alice', [] as Set)

    @Inject ChunkStore chunks
    @Inject BatchRepository batches
    @Inject CalculationSource services
    @Inject PipelineSettings settings
    @Inject Clock clock
    @Inject CreateBatch createBatch
    @Inject SubmitChunks submitChunks
    @Inject GetPipelineStatus getPipelineStatus

    List<Thread> threads = []

    def setup() {
        SalesCalculationSource.holding = new CountDownLatch(1)
        SalesCalculationSource.release = new CountDownLatch(1)
    }

    def cleanup() {
        SalesCalculationSource.release.countDown()
        threads*.join(10_000)
    }

    PipelineWorkers aNode(String node) {
        ThreadFactory factory = { Runnable task -> def t = new Thread(task, node); threads << t; t }
        new PipelineWorkers(chunks, batches, services, new PipelineSettings(1, settings.lease(), settings.chunkTimeLimit(),
                settings.maxAttempts(), settings.tenantBufferBytes(), settings.tenantMaxWorkers(), settings.inactivityTimeout(),
                settings.bufferReleaseDelay(), settings.retention(), settings.recentWindow()), clock, node, factory, {})
    }

    /** A batch whose first chunk's record waits inside the evaluator until the spec lets it go. */
    def aBatchWithAHeldChunk() {
        def requested = new BatchConfiguration.Requested(null, null, null, null, null, null, null, OutputSelection.of(['total']),
                'sale_id', null, 'stop spec', null)
        def id = createBatch.create(new CreateBatchCommand(ALICE, 'samples/SalesExample', requested)).batch().id()
        post(id, [1, 'hold', 2])
        id
    }

    void post(id, List record) {
        submitChunks.submit(new SubmitChunksCommand(ALICE, id, [new ChunkInput(UUID.randomUUID(), ['sale_id', 'price', 'quantity'],
                [record as Object[]], [:], SummarySpec.NONE)]))
    }

    def 'a node stopped in the middle of a chunk gives it back at once and never stores its late result'() {
        given: 'a chunk whose record holds the only worker of the node'
        def id = aBatchWithAHeldChunk()
        def node = aNode('node-stopping')
        node.start()
        SalesCalculationSource.holding.await()

        when: 'the node stops without grace'
        def givenBack = node.stop(0)

        then: 'the chunk is back in the queue: another node takes it as its first attempt, lease long unexpired'
        givenBack == 1
        def taken = chunks.claim('node-other', 10, clock.now(), Duration.ofMinutes(1), 10).findAll { it.batch() == id }
        taken*.attempt() == [1]

        when: 'the stopped worker finishes its record after all'
        SalesCalculationSource.release.countDown()
        threads*.join(10_000)

        then: 'its result was refused: nothing is stored until the other node completes the chunk'
        threads.every { !it.alive }
        with(getPipelineStatus.status(new BatchQuery(ALICE, id))) {
            chunksCompleted() == 0
            recordsAvailable() == 0
        }
    }

    def 'a node stopping while its worker stores a result leaves no chunk under its lease'() {
        given: 'two chunks, the first holding the only worker of the node'
        def id = aBatchWithAHeldChunk()
        post(id, [2, 10, 2])
        def node = aNode('node-finishing')
        node.start()
        SalesCalculationSource.holding.await()

        when: 'the node stops with time to finish, and the held record finishes meanwhile'
        def stopping = Thread.start { node.stop(10_000) }
        Thread.sleep(20)
        SalesCalculationSource.release.countDown()
        stopping.join(10_000)

        then: 'the first chunk is stored, and the second is free at once for another node, as its first attempt'
        getPipelineStatus.status(new BatchQuery(ALICE, id)).chunksCompleted() == 1
        chunks.claim('node-other', 10, clock.now(), Duration.ofMinutes(1), 10).findAll { it.batch() == id }*.attempt() == [1]
    }

    def 'a node restarted under the same id gives back what its crashed run held, without waiting for the lease'() {
        given: 'a chunk leased for an hour to a node that then died without a word'
        def requested = new BatchConfiguration.Requested(null, null, null, null, null, null, null, OutputSelection.of(['total']),
                'sale_id', null, 'restart spec', null)
        def id = createBatch.create(new CreateBatchCommand(ALICE, 'samples/SalesExample', requested)).batch().id()
        submitChunks.submit(new SubmitChunksCommand(ALICE, id, [new ChunkInput(UUID.randomUUID(), ['sale_id', 'price', 'quantity'],
                [[1, 20, 65] as Object[]], [:], SummarySpec.NONE)]))
        def crashed = chunks.claim('node-fixed', 10, clock.now(), Duration.ofHours(1), 10).findAll { it.batch() == id }
        assert crashed.size() == 1

        when: 'the node starts again under its fixed id'
        def node = aNode('node-fixed')
        def givenBack = node.start()

        then: 'the chunk was given back at once and is computed on this start'
        givenBack == 1
        new spock.util.concurrent.PollingConditions(timeout: 20).eventually {
            with(getPipelineStatus.status(new BatchQuery(ALICE, id))) {
                assert chunksCompleted() == 1
                assert recordsAvailable() == 1
            }
        }

        cleanup:
        node?.stop(1000)
    }

    def "a node's workers run at the lowest thread priority, so that requests go first on busy processors"() {
        when:
        def node = aNode('node-yielding')
        node.start()

        then:
        threads.size() == 1
        threads*.priority == [Thread.MIN_PRIORITY]

        cleanup:
        node?.stop(1000)
    }
}
