package io.sluice.webapp.dashboard

import io.sluice.application.batch.BatchSnapshot
import io.sluice.domain.batch.Batch
import io.sluice.domain.batch.BatchConfiguration
import io.sluice.domain.batch.BatchId
import io.sluice.domain.batch.PinnedServiceVersion
import io.sluice.domain.tenant.TenantId
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

class BatchFiguresSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-01-05T10:00:00Z')
    static final PinnedServiceVersion SALES = new PinnedServiceVersion(UUID.randomUUID(), UUID.randomUUID(),
            'samples/SalesExample[1.0.0]', 'test')

    static Batch aCreatedBatch() {
        Batch.create(new BatchId(UUID.randomUUID()), TenantId.of('demo'), 'ann', SALES,
                BatchConfiguration.from(BatchConfiguration.Requested.defaults()), T0).admit(T0)
    }

    /** 100 records posted at T0, 40 of them computed by T0 + 10 s. */
    static Batch aBatchFortyPercentDone() {
        aCreatedBatch().acceptChunks(10, 100, 1000, T0).recordChunkCompleted(40, 0, 100, 400, 200, T0.plusSeconds(10))
    }

    static BatchFigures figures(Batch batch, Instant now) {
        BatchFigures.of(new BatchSnapshot(batch, 0, 0, 0, 0), now)
    }

    def 'a running batch shows progress, throughput since it started and the time left at that rate'() {
        when:
        def f = figures(aBatchFortyPercentDone(), T0.plusSeconds(10))

        then:
        f.progressPercent() == 40
        f.recordsPerSecond() == 4.0d
        f.eta() == Duration.ofSeconds(15)
        f.elapsed() == Duration.ofSeconds(10)
        f.canClose()
        f.canCancel()
    }

    def 'a batch that has not started has no rate and no estimate'() {
        when:
        def f = figures(aCreatedBatch(), T0.plusSeconds(5))

        then:
        f.progressPercent() == 0
        f.recordsPerSecond() == 0d
        f.eta() == null
        f.elapsed() == null
    }

    def 'an ended batch is timed to its end, offers no buttons and needs no estimate'() {
        given:
        def cancelled = aBatchFortyPercentDone().cancel(T0.plusSeconds(20))

        when:
        def f = figures(cancelled, T0.plusSeconds(600))

        then:
        f.elapsed() == Duration.ofSeconds(20)
        f.eta() == null
        f.isEnded()
        !f.canClose()
        !f.canCancel()
    }

    def 'a batch with every posted record done estimates nothing left'() {
        given:
        def batch = aCreatedBatch().acceptChunks(1, 3, 100, T0).recordChunkCompleted(3, 0, 10, 100, 50, T0.plusSeconds(1))

        expect:
        figures(batch, T0.plusSeconds(2)).progressPercent() == 100
        figures(batch, T0.plusSeconds(2)).eta() == null
    }
}
