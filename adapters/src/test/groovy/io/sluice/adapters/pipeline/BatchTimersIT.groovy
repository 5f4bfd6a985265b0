package io.sluice.adapters.pipeline

import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.sluice.application.batch.BatchNotFoundException
import io.sluice.application.batch.BatchQuery
import io.sluice.application.batch.CancelBatch
import io.sluice.application.batch.ChangeBatchStatusCommand
import io.sluice.application.batch.CreateBatch
import io.sluice.application.batch.CreateBatchCommand
import io.sluice.application.batch.GetBatch
import io.sluice.application.batch.RunBatchTimers
import io.sluice.domain.batch.BatchConfiguration
import io.sluice.domain.batch.BatchId
import io.sluice.domain.record.OutputSelection
import io.sluice.domain.tenant.Caller
import io.sluice.domain.tenant.TenantId
import jakarta.inject.Inject
import spock.lang.Specification

import java.time.Duration

/**
 * The timers that give an ended batch's buffers back to its tenant, admit the batches waiting for
 * them, and purge finished batches after the retention, driven through the {@code Clock} port.
 * The tenant's buffer pool (300 MB) admits one batch of the default 150 MB of buffers at a time
 * (the 110% rule); no worker runs.
 */
@MicronautTest(startApplication = false, transactional = false)
@Property(name = 'datasources.default.url', value = 'jdbc:h2:mem:batch-timers-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1')
@Property(name = 'datasources.default.driver-class-name', value = 'org.h2.Driver')
@Property(name = 'datasources.default.dialect', value = 'POSTGRES')
@Property(name = 'flyway.datasources.default.enabled', value = 'true')
@Property(name = 'flyway.datasources.default.locations', value = 'classpath:db/migration')
@Property(name = 'sluice.test.sales-source', value = 'true')
@Property(name = 'sluice.test.mutable-clock', value = 'true')
@Property(name = 'sluice.pipeline.workers-enabled', value = 'false')
@Property(name = 'sluice.pipeline.timer-interval', value = '1h')
@Property(name = 'sluice.pipeline.tenant-buffer-bytes', value = '300000000')
class BatchTimersIT extends Specification {

    @Inject CreateBatch createBatch
    @Inject CancelBatch cancelBatch
    @Inject GetBatch getBatch
    @Inject RunBatchTimers timers
    @Inject MutableClock clock

    /** A tenant of its own for every feature, with its own buffer pool. */
    Caller alice = new Caller(TenantId.of("t-${UUID.randomUUID().toString().substring(0, 8)}"), 'alice', [] as Set)

    BatchId aBatch() {
        def requested = new BatchConfiguration.Requested(null, null, null, null, null, null, null, OutputSelection.of(['total']),
                'sale_id', null, 'timers spec', null)
        createBatch.create(new CreateBatchCommand(alice, 'samples/SalesExample', requested)).batch().id()
    }

    String status(BatchId id) {
        getBatch.get(new BatchQuery(alice, id)).batch().status().wireName()
    }

    void endBatch(BatchId id) {
        cancelBatch.cancel(new ChangeBatchStatusCommand(alice, id))
    }

    def 'an ended batch gives its buffers back two minutes later, and the batch waiting for them is admitted'() {
        given:
        def first = aBatch()
        def second = aBatch()

        expect: 'the pool holds one batch at a time'
        status(first) == 'created'
        status(second) == 'pending'

        when:
        endBatch(first)
        clock.advance(Duration.ofSeconds(119))
        timers.run()

        then: 'the buffers are still lent to the ended batch'
        status(second) == 'pending'

        when:
        clock.advance(Duration.ofSeconds(2))
        timers.run()

        then:
        status(second) == 'created'
    }

    def 'a finished batch is purged seven days after it ended, a more recent one is kept'() {
        given:
        def old = aBatch()
        endBatch(old)
        clock.advance(Duration.ofDays(7).minusMinutes(10))
        def recent = aBatch()
        endBatch(recent)

        when:
        clock.advance(Duration.ofMinutes(9))
        timers.run()

        then: 'not yet'
        status(old) == 'cancelled'

        when:
        clock.advance(Duration.ofMinutes(2))
        timers.run()
        status(old)

        then:
        thrown(BatchNotFoundException)
        status(recent) == 'cancelled'
    }
}
