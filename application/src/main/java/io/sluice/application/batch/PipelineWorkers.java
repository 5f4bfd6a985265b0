package io.sluice.application.batch;

import io.sluice.application.chunk.ChunkCodec;
import io.sluice.application.chunk.ChunkComputer;
import io.sluice.application.chunk.ChunkInput;
import io.sluice.application.chunk.ChunkOutcome;
import io.sluice.application.chunk.ClaimedChunk;
import io.sluice.application.chunk.ResultCodec;
import io.sluice.application.port.BatchRepository;
import io.sluice.application.port.ChunkStore;
import io.sluice.application.port.Clock;
import io.sluice.application.port.PreparedCalculation;
import io.sluice.application.port.RecordEvaluator;
import io.sluice.domain.batch.BatchConfiguration;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.record.ChunkResult;
import io.sluice.domain.record.ChunkResultAssembler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * This node's worker threads. Each claims one chunk at a time under a lease, computes it on its
 * own evaluator (never shared, dropped after it threw) and stores the result; an attempt that
 * throws or outlives the time limit is retried until the last attempt, whose result then carries
 * an error for every record. Nothing here assumes one node: the lease decides who computes what.
 */
public class PipelineWorkers {

    private static final System.Logger LOG = System.getLogger(PipelineWorkers.class.getName());
    private static final long IDLE_MIN_MILLIS = 5;
    private static final long IDLE_MAX_MILLIS = 200;

    private final ChunkStore chunks;
    private final BatchRepository batches;
    private final CalculationSource services;
    private final PipelineSettings settings;
    private final Clock clock;
    private final String node;
    private final ThreadFactory threads;
    private final Consumer<ChunkDone> listener;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger busy = new AtomicInteger();
    private final Map<BatchId, BatchConfiguration> configurations = new ConcurrentHashMap<>();
    private final Map<BatchId, Shape> shapes = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();

    /** How a batch's results are shaped, worked out once per batch, never per record. */
    private record Shape(ChunkResultAssembler assembler, Set<String> inputs, Set<String> wanted) {
        static Shape of(PreparedCalculation calculation, BatchConfiguration configuration) {
            List<String> kept = configuration.outputSelection().select(calculation.outputNames());
            return new Shape(ChunkResultAssembler.of(calculation.outputNames(), configuration.outputSelection(),
                    configuration.uniqueRecordKey()), Set.copyOf(calculation.inputNames()), new LinkedHashSet<>(kept));
        }
    }

    /** What a worker reports after each chunk, for metrics. */
    public record ChunkDone(int records, long nanos, boolean stored, boolean failed, boolean retried) {
    }

    public PipelineWorkers(ChunkStore chunks, BatchRepository batches, CalculationSource services,
                           PipelineSettings settings, Clock clock, String node, ThreadFactory threads,
                           Consumer<ChunkDone> listener) {
        this.chunks = chunks;
        this.batches = batches;
        this.services = services;
        this.settings = settings;
        this.clock = clock;
        this.node = node;
        this.threads = threads;
        this.listener = listener;
    }

    public String node() {
        return node;
    }

    /** Chunks being computed on this node right now. */
    public int busy() {
        return busy.get();
    }

    /**
     * Starts the worker threads. Chunks still leased to this node's id are given back first: a node
     * restarted under a fixed id ({@code sluice.node-id}) after a crash holds nothing any more, so
     * its old leases need not run out before another worker may take those chunks. Returns how many
     * were given back.
     *
     * <p>Workers run at the lowest thread priority: when the processors are busy, a request (a
     * status, a chunk post, a results fetch) goes first and the batch work takes what is left. The
     * operating system applies it where the JVM is told to (docs/adr/0013-workers-yield-to-requests.md).
     */
    public synchronized int start() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        int leftover = chunks.releaseAll(node);
        for (int i = 0; i < settings.workerThreads(); i++) {
            Thread t = threads.newThread(this::loop);
            t.setPriority(Thread.MIN_PRIORITY);
            workers.add(t);
            t.start();
        }
        return leftover;
    }

    /**
     * Stops claiming, lets chunks being computed finish for up to {@code graceMillis}, and gives back
     * whatever this node still holds so that no chunk waits for a lease to expire. Needs the store
     * until it returns: the database must be closed after this, never before.
     *
     * <p>A worker still computing after the grace is not interrupted (an interrupt in the middle of
     * a write can close an embedded database's file); once its chunk is given back, its result can
     * no longer be stored, so it ends without effect.
     *
     * @return how many chunks were given back (0 when every chunk in hand finished in time)
     */
    public synchronized int stop(long graceMillis) {
        running.set(false);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        return chunks.releaseAll(node);
    }

    private void loop() {
        Map<UUID, RecordEvaluator> evaluators = new HashMap<>();
        long idle = IDLE_MIN_MILLIS;
        List<ClaimedChunk> next = List.of();
        while (running.get()) {
            try {
                List<ClaimedChunk> claimed = next.isEmpty()
                        ? chunks.claim(node, 1, clock.now(), settings.lease(), settings.tenantMaxWorkers())
                        : next;
                next = List.of();
                if (!running.get()) {
                    // the node stopped while this claim was under way: give back what it took, or
                    // the chunk would wait for its lease to run out
                    chunks.releaseAll(node);
                    return;
                }
                if (claimed.isEmpty()) {
                    Thread.sleep(idle);
                    idle = Math.min(IDLE_MAX_MILLIS, idle * 2);
                    continue;
                }
                idle = IDLE_MIN_MILLIS;
                // one chunk at a time: a claim asks for one, and storing its result claims the next
                busy.incrementAndGet();
                try {
                    next = process(claimed.get(0), evaluators);
                } finally {
                    busy.decrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running.get()) {
                    LOG.log(System.Logger.Level.DEBUG, "A pipeline worker ended while the node stopped", e);
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "A pipeline worker failed; it carries on after a pause", e);
                sleepQuietly(IDLE_MAX_MILLIS);
            }
        }
    }

    /**
     * Computes one claimed chunk and stores its result, a retry, or its final failure. While the node
     * runs, storing the result also claims this worker's next chunk in the same transaction, and that
     * chunk is returned; after a retry, or once the node is stopping, none is.
     */
    List<ClaimedChunk> process(ClaimedChunk chunk, Map<UUID, RecordEvaluator> evaluators) {
        long started = System.nanoTime();
        BatchConfiguration configuration = configuration(chunk);
        if (configuration == null) {
            return List.of();
        }
        PreparedCalculation calculation = services.prepare(chunk.tenant(), chunk.versionId());
        Shape shape = shapes.computeIfAbsent(chunk.batch(), b -> Shape.of(calculation, configuration));
        ChunkInput input = ChunkCodec.decode(chunk.id().value(), chunk.payload());
        if (chunk.attempt() > settings.maxAttempts()) {
            return fail(chunk, input, shape, "the chunk's lease expired on every one of its "
                    + settings.maxAttempts() + " attempts", started);
        }
        ChunkResult result;
        try {
            RecordEvaluator evaluator = evaluators.computeIfAbsent(chunk.versionId(), v -> calculation.newEvaluator());
            result = ChunkComputer.compute(input, evaluator, shape.assembler(), shape.inputs(), calculation.outputNames(),
                    shape.wanted(), settings.chunkTimeLimit());
        } catch (RuntimeException | StackOverflowError e) {
            evaluators.remove(chunk.versionId());
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (chunk.attempt() >= settings.maxAttempts()) {
                return fail(chunk, input, shape, reason, started);
            }
            boolean retried = chunks.retry(chunk, reason, clock.now());
            listener.accept(new ChunkDone(chunk.records(), System.nanoTime() - started, false, false, retried));
            return List.of();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        ChunkOutcome outcome = ChunkOutcome.completed(ResultCodec.encode(result), result.recordCount(),
                result.recordsWithErrors(), millis);
        return store(chunk, outcome, started);
    }

    private List<ClaimedChunk> fail(ClaimedChunk chunk, ChunkInput input, Shape shape, String reason, long started) {
        ChunkResult failed = ChunkComputer.failed(input, shape.assembler(), reason);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return store(chunk, ChunkOutcome.failed(ResultCodec.encode(failed), failed.recordCount(), millis, reason),
                started);
    }

    private List<ClaimedChunk> store(ClaimedChunk chunk, ChunkOutcome outcome, long started) {
        ChunkStore.Completed done = running.get()
                ? chunks.completeAndClaim(chunk, outcome, clock.now(), 1, settings.lease(), settings.tenantMaxWorkers())
                : new ChunkStore.Completed(chunks.complete(chunk, outcome, clock.now()), List.of());
        listener.accept(new ChunkDone(chunk.records(), System.nanoTime() - started, done.stored(), outcome.failed(), false));
        return done.next();
    }

    private BatchConfiguration configuration(ClaimedChunk chunk) {
        BatchConfiguration known = configurations.get(chunk.batch());
        if (known != null) {
            return known;
        }
        return batches.find(chunk.tenant(), chunk.batch()).map(s -> {
            configurations.put(chunk.batch(), s.batch().configuration());
            return s.batch().configuration();
        }).orElse(null);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
