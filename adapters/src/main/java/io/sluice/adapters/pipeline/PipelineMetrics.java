package io.sluice.adapters.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.sluice.application.batch.PipelineWorkers;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Turns what this node's workers report after each chunk into Micrometer meters, tagged by
 * {@code outcome}. The application layer only reports {@link PipelineWorkers.ChunkDone}; the
 * meters, their names and tags are this adapter's (names in docs/api.md, Metrics).
 */
@Singleton
class PipelineMetrics {

    /** What became of one attempt at a chunk. */
    enum Outcome {
        /** Computed and stored in the output buffer. */
        COMPLETED,
        /** Stored as failed after its last attempt: every record carries an error. */
        FAILED,
        /** The attempt threw or ran out of time; the chunk went back to the queue. */
        RETRIED,
        /** The claim no longer held the chunk (lease taken back, batch cancelled): nothing stored. */
        ABANDONED;

        final String tag = name().toLowerCase(Locale.ROOT);

        static Outcome of(PipelineWorkers.ChunkDone done) {
            if (done.stored()) {
                return done.failed() ? FAILED : COMPLETED;
            }
            return done.retried() ? RETRIED : ABANDONED;
        }
    }

    static final String CHUNKS = "sluice.chunks.processed";
    static final String RECORDS = "sluice.records.processed";
    static final String COMPUTE = "sluice.chunk.compute";

    /** Histogram buckets from a small chunk on a fast engine to the default chunk time limit (1m). */
    static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> chunks = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Counter> records = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Timer> compute = new EnumMap<>(Outcome.class);

    /** Without a registry (metrics switched off) the meters are kept but go nowhere. */
    PipelineMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry != null ? registry : new CompositeMeterRegistry();
        for (Outcome outcome : Outcome.values()) {
            chunks.put(outcome, Counter.builder(CHUNKS).tag("outcome", outcome.tag)
                    .description("Chunk attempts this node finished, by outcome").register(this.registry));
            records.put(outcome, Counter.builder(RECORDS).tag("outcome", outcome.tag)
                    .description("Records of the chunk attempts this node finished, by outcome").register(this.registry));
            compute.put(outcome, Timer.builder(COMPUTE).tag("outcome", outcome.tag)
                    .description("Time from claiming a chunk to storing its result, by outcome")
                    .serviceLevelObjectives(BUCKETS)
                    .register(this.registry));
        }
    }

    void chunkDone(PipelineWorkers.ChunkDone done) {
        Outcome outcome = Outcome.of(done);
        chunks.get(outcome).increment();
        records.get(outcome).increment(done.records());
        compute.get(outcome).record(done.nanos(), TimeUnit.NANOSECONDS);
    }

    /** Exports this node's worker threads and how many of them are computing a chunk right now. */
    void watch(PipelineWorkers workers, int threads) {
        Gauge.builder("sluice.workers.busy", workers, PipelineWorkers::busy)
                .description("Worker threads of this node computing a chunk now").register(registry);
        Gauge.builder("sluice.workers.threads", () -> threads)
                .description("Worker threads this node runs").register(registry);
    }
}
