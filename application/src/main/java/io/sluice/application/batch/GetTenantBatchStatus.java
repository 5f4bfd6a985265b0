package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.Clock;
import io.sluice.application.port.TenantBufferPool;
import io.sluice.domain.tenant.Caller;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The tenant view: batches in progress and those that ended within the recent window. A
 * supervisor sees every batch of the tenant, anyone else only their own; the buffer and worker
 * figures are the whole tenant's.
 */
@Singleton
public class GetTenantBatchStatus {

    private final BatchRepository batches;
    private final TenantBufferPool pool;
    private final PipelineSettings settings;
    private final Clock clock;

    public GetTenantBatchStatus(BatchRepository batches, TenantBufferPool pool, PipelineSettings settings, Clock clock) {
        this.batches = batches;
        this.pool = pool;
        this.settings = settings;
        this.clock = clock;
    }

    public TenantBatchStatusView status(Caller caller) {
        List<BatchSnapshot> current = batches.findCurrent(caller.tenant(), clock.now().minus(settings.recentWindow()));
        List<BatchSnapshot> inProgress = new ArrayList<>();
        List<BatchSnapshot> recent = new ArrayList<>();
        long inAllocated = 0;
        long outAllocated = 0;
        long inUsed = 0;
        long outUsed = 0;
        long workers = 0;
        for (BatchSnapshot s : current) {
            if (!s.batch().status().isFinal() && s.batch().isAdmitted()) {
                inAllocated += s.input().allocatedBytes();
                outAllocated += s.output().allocatedBytes();
                inUsed += s.input().usedBytes();
                outUsed += s.output().usedBytes();
                workers += s.workersInUse();
            }
            if (caller.canSee(s.batch().tenant(), s.batch().owner())) {
                (s.batch().status().isFinal() ? recent : inProgress).add(s);
            }
        }
        return new TenantBatchStatusView(inProgress, recent, inAllocated, outAllocated, settings.tenantMaxWorkers(),
                inUsed, outUsed, workers, settings.tenantBufferBytes(), pool.reservedBytes(caller.tenant()));
    }
}
