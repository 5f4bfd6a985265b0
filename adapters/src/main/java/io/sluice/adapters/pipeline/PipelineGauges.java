package io.sluice.adapters.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.sluice.application.batch.BatchSnapshot;
import io.sluice.application.port.BatchRepository;
import io.sluice.domain.batch.Batch;
import io.sluice.domain.batch.BatchStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Buffer, queue and worker gauges per batch and per tenant, across all nodes. They come from the
 * database, so they are never read per scrape: one bounded query (at most {@code sluice.metrics.max-batches}
 * unfinished batches, oldest first) refreshes a snapshot every {@code sluice.metrics.refresh}, and
 * every scrape in between reports that snapshot. A batch that ends drops out at the next refresh.
 */
@Singleton
@Requires(beans = {BatchRepository.class, MeterRegistry.class})
class PipelineGauges {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineGauges.class);
    private static final List<BatchStatus> UNFINISHED = Arrays.stream(BatchStatus.values())
            .filter(s -> !s.isFinal()).toList();

    private final BatchRepository batches;
    private final int maxBatches;
    private final MultiGauge batchBuffers;
    private final MultiGauge batchChunks;
    private final MultiGauge batchWorkers;
    private final MultiGauge tenantBuffers;
    private final MultiGauge tenantWorkers;

    PipelineGauges(BatchRepository batches, MeterRegistry registry,
                   @Value("${sluice.metrics.max-batches:1000}") int maxBatches) {
        this.batches = batches;
        this.maxBatches = maxBatches;
        this.batchBuffers = MultiGauge.builder("sluice.batch.buffer.used").baseUnit("bytes")
                .description("Bytes a batch holds in its input or output buffer").register(registry);
        this.batchChunks = MultiGauge.builder("sluice.batch.chunks.waiting")
                .description("Chunks of a batch waiting for a worker (stage=compute) or to be fetched (stage=fetch)")
                .register(registry);
        this.batchWorkers = MultiGauge.builder("sluice.batch.workers.in.use")
                .description("Chunks of a batch being computed now, on any node").register(registry);
        this.tenantBuffers = MultiGauge.builder("sluice.tenant.buffer.used").baseUnit("bytes")
                .description("Bytes a tenant's unfinished batches hold in their input or output buffers").register(registry);
        this.tenantWorkers = MultiGauge.builder("sluice.tenant.workers.in.use")
                .description("Chunks of a tenant being computed now, on any node").register(registry);
    }

    /** Reads the unfinished batches once and replaces every row of every gauge. */
    @Scheduled(fixedDelay = "${sluice.metrics.refresh:15s}", initialDelay = "1s")
    void refresh() {
        List<BatchSnapshot> current;
        try {
            current = batches.findInStatus(UNFINISHED, maxBatches);
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the pipeline gauges; they keep their last values", e);
            return;
        }
        List<MultiGauge.Row<?>> buffers = new ArrayList<>();
        List<MultiGauge.Row<?>> chunks = new ArrayList<>();
        List<MultiGauge.Row<?>> workers = new ArrayList<>();
        Map<String, long[]> tenants = new TreeMap<>();
        for (BatchSnapshot s : current) {
            Batch batch = s.batch();
            String tenant = batch.tenant().value();
            Tags tags = Tags.of("tenant", tenant, "batch", batch.id().toString());
            long input = s.input().usedBytes();
            long output = s.output().usedBytes();
            long queued = Math.max(0, batch.counters().chunksInFlight() - s.workersInUse());
            buffers.add(MultiGauge.Row.of(tags.and("buffer", "input"), input));
            buffers.add(MultiGauge.Row.of(tags.and("buffer", "output"), output));
            chunks.add(MultiGauge.Row.of(tags.and("stage", "compute"), queued));
            chunks.add(MultiGauge.Row.of(tags.and("stage", "fetch"), batch.counters().chunksAvailable()));
            workers.add(MultiGauge.Row.of(tags, s.workersInUse()));
            long[] sums = tenants.computeIfAbsent(tenant, t -> new long[3]);
            sums[0] += input;
            sums[1] += output;
            sums[2] += s.workersInUse();
        }
        List<MultiGauge.Row<?>> tenantBufferRows = new ArrayList<>();
        List<MultiGauge.Row<?>> tenantWorkerRows = new ArrayList<>();
        tenants.forEach((tenant, sums) -> {
            tenantBufferRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant, "buffer", "input"), sums[0]));
            tenantBufferRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant, "buffer", "output"), sums[1]));
            tenantWorkerRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant), sums[2]));
        });
        batchBuffers.register(buffers, true);
        batchChunks.register(chunks, true);
        batchWorkers.register(workers, true);
        tenantBuffers.register(tenantBufferRows, true);
        tenantWorkers.register(tenantWorkerRows, true);
    }
}
