package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.ChunkStore;
import io.sluice.application.port.Clock;
import io.sluice.application.port.TenantBufferPool;
import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchStatus;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One round of the batch timers, run every few seconds by every node (each step is safe to run on
 * several nodes at once): closes inactive batches by timeout, completes batches whose work is
 * done, gives the buffers of ended batches back to their tenant after the release delay, admits
 * pending batches in order of arrival, and purges batches past retention.
 */
@Singleton
public class RunBatchTimers {

    private static final int PAGE = 1_000;
    private static final List<BatchStatus> WATCHED = List.of(BatchStatus.CREATED, BatchStatus.IN_PROGRESS, BatchStatus.CLOSED,
            BatchStatus.CLOSED_BY_TIMEOUT);

    private final BatchRepository batches;
    private final ChunkStore chunks;
    private final TenantBufferPool pool;
    private final PipelineSettings settings;
    private final Clock clock;

    public RunBatchTimers(BatchRepository batches, ChunkStore chunks, TenantBufferPool pool, PipelineSettings settings,
                          Clock clock) {
        this.batches = batches;
        this.chunks = chunks;
        this.pool = pool;
        this.settings = settings;
        this.clock = clock;
    }

    public void run() {
        Instant now = clock.now();
        for (BatchSnapshot s : batches.findInStatus(WATCHED, PAGE)) {
            Batch batch = s.batch();
            Batch next = batch.timeOutIfInactive(now, settings.inactivityTimeout()).settle(now);
            if (next.status() != batch.status()) {
                batches.updateStatus(next, batch.status());
            }
        }
        for (Batch ended : batches.findHoldingBuffers(now.minus(settings.bufferReleaseDelay()), PAGE)) {
            if (batches.markBuffersReleased(ended.tenant(), ended.id(), now)) {
                chunks.discard(ended.tenant(), ended.id());
                pool.release(ended.tenant(), ended.configuration().totalBufferBytes());
            }
        }
        admitPending(now);
        batches.purgeFinishedBefore(now.minus(settings.retention()));
    }

    private void admitPending(Instant now) {
        Set<TenantId> full = new HashSet<>();
        for (BatchSnapshot s : batches.findInStatus(List.of(BatchStatus.PENDING), PAGE)) {
            Batch pending = s.batch();
            if (full.contains(pending.tenant())) {
                continue;
            }
            long bytes = pending.configuration().totalBufferBytes();
            if (!pool.tryReserve(pending.tenant(), bytes, PipelineSettings.ADMISSION_HEADROOM_PERCENT,
                    settings.tenantBufferBytes())) {
                full.add(pending.tenant());
                continue;
            }
            if (!batches.updateStatus(pending.admit(now), BatchStatus.PENDING)) {
                pool.release(pending.tenant(), bytes);
            }
        }
    }
}
