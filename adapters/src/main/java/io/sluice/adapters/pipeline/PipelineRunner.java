package io.sluice.adapters.pipeline;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.sluice.application.batch.CalculationSource;
import io.sluice.application.batch.PipelineSettings;
import io.sluice.application.batch.PipelineWorkers;
import io.sluice.application.batch.RunBatchTimers;
import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.CalculationEngine;
import io.sluice.application.port.ChunkStore;
import io.sluice.application.port.Clock;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs this node's part of the pipeline: the worker threads from startup to shutdown (on SIGTERM
 * they stop claiming, finish or give back what they hold, then the node exits) and the batch
 * timers every second.
 */
@Singleton
@Requires(beans = CalculationSource.class)
class PipelineRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    private final PipelineWorkers workers;
    private final RunBatchTimers timers;
    private final PipelineConfiguration configuration;
    private final AtomicBoolean started = new AtomicBoolean();

    PipelineRunner(ChunkStore chunks, BatchRepository batches, CalculationSource services, PipelineSettings settings,
                   Clock clock, CalculationEngine engine, RunBatchTimers timers, PipelineConfiguration configuration,
                   PipelineMetrics metrics, @Value("${sluice.node-id:}") String nodeId) {
        String node = nodeId == null || nodeId.isBlank() ? "node-" + UUID.randomUUID().toString().substring(0, 8) : nodeId;
        this.workers = new PipelineWorkers(chunks, batches, services, settings, clock, node,
                engine.workerThreadFactory("sluice-worker-"), metrics::chunkDone);
        this.timers = timers;
        this.configuration = configuration;
        metrics.watch(workers, configuration.workersEnabled ? configuration.workerThreads : 0);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (configuration.workersEnabled && started.compareAndSet(false, true)) {
            int leftover = workers.start();
            if (leftover > 0) {
                LOG.info("Pipeline node {} gave back {} chunks its previous run still held", workers.node(), leftover);
            }
            LOG.info("Pipeline node {} started {} worker threads", workers.node(), configuration.workerThreads);
        }
    }

    @Scheduled(fixedDelay = "${sluice.pipeline.timer-interval:1s}", initialDelay = "1s")
    void runTimers() {
        try {
            timers.run();
        } catch (RuntimeException e) {
            LOG.warn("Batch timers failed this round; they run again shortly", e);
        }
    }

    @PreDestroy
    void stop() {
        if (started.compareAndSet(true, false)) {
            LOG.info("Pipeline node {} stops claiming; {} chunks in hand get up to {} to finish", workers.node(),
                    workers.busy(), configuration.shutdownGrace);
            int released = workers.stop(configuration.shutdownGrace.toMillis());
            LOG.info("Pipeline node {} stopped: gave back {} chunks it still held, none is left leased to it",
                    workers.node(), released);
        }
    }
}
