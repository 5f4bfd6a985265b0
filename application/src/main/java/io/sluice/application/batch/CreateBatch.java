package io.sluice.application.batch;

import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.Clock;
import io.sluice.application.port.TenantBufferPool;
import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchConfiguration;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.batch.BatchStatus;
import io.sluice.domain.batch.PinnedServiceVersion;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Creates a batch pinned to the service version its reference resolves to now. The tenant admits
 * it when at least 110% of its buffers are free and nobody waits before it; otherwise it waits as
 * {@code pending} (first come, first admitted).
 */
@Singleton
public class CreateBatch {

    private final BatchRepository batches;
    private final TenantBufferPool pool;
    private final CalculationSource services;
    private final PipelineSettings settings;
    private final Clock clock;

    public CreateBatch(BatchRepository batches, TenantBufferPool pool, CalculationSource services,
                       PipelineSettings settings, Clock clock) {
        this.batches = batches;
        this.pool = pool;
        this.services = services;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws io.sluice.application.service.ServiceNotFoundException when the tenant has no such service
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public BatchSnapshot create(CreateBatchCommand command) {
        BatchConfiguration configuration = BatchConfiguration.from(command.requested());
        PinnedServiceVersion service = services.resolve(command.caller().tenant(), command.service());
        var now = clock.now();
        Batch batch = Batch.create(new BatchId(UUID.randomUUID()), command.caller().tenant(), command.caller().name(),
                service, configuration, now);
        boolean someoneWaits = batches.findInStatus(List.of(BatchStatus.PENDING), 1_000).stream()
                .anyMatch(s -> s.batch().tenant().equals(batch.tenant()));
        boolean admitted = !someoneWaits && pool.tryReserve(batch.tenant(), configuration.totalBufferBytes(),
                PipelineSettings.ADMISSION_HEADROOM_PERCENT, settings.tenantBufferBytes());
        Batch stored = admitted ? batch.admit(now) : batch.pend(now);
        batches.insert(stored);
        return batches.find(stored.tenant(), stored.id()).orElseThrow();
    }
}
