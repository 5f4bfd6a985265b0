package io.sluice.adapters.rest.batch;

import io.sluice.adapters.excel.EngineBenchmark;
import io.sluice.application.chunk.ChunkCodec;
import io.sluice.application.chunk.ChunkComputer;
import io.sluice.application.chunk.ChunkInput;
import io.sluice.application.chunk.NewChunk;
import io.sluice.application.chunk.ResultCodec;
import io.sluice.application.chunk.StoredResult;
import io.sluice.application.port.PreparedCalculation;
import io.sluice.application.port.RecordEvaluator;
import io.sluice.domain.chunk.ChunkId;
import io.sluice.domain.record.ChunkResult;
import io.sluice.domain.record.ChunkResultAssembler;
import io.sluice.domain.record.OutputSelection;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * CPU seconds per million records of the server's own work on the batch path, one thread, no
 * database and no HTTP: what the end-to-end run's server does to each chunk besides storing it.
 * Three phases, as the end-to-end benchmark's CLI drives them (sales example, 5,000-record chunks,
 * {@code tax} as a parameter, output {@code total}, key {@code sale_id}):
 * <ol>
 *     <li>post: read the chunk JSON and encode it for storage (canonical form, fingerprint, deflate);</li>
 *     <li>compute: decode the stored chunk, evaluate every record, encode the result;</li>
 *     <li>fetch: write the stored results as the {@code chunkresults} JSON.</li>
 * </ol>
 * The thread's own CPU time is the measure, so a busy machine barely moves it. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.sluice.adapters.rest.batch.ServerPathHarness}.
 */
public final class ServerPathHarness {

    private static final int RECORDS = 1_000_000;
    private static final int CHUNK = 5_000;

    private ServerPathHarness() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        PreparedCalculation prepared = compiledSalesExample();
        ChunkResultAssembler assembler = ChunkResultAssembler.of(prepared.outputNames(), OutputSelection.of(List.of("total")),
                "sale_id");
        Set<String> inputs = Set.copyOf(prepared.inputNames());
        Set<String> wanted = new LinkedHashSet<>(OutputSelection.of(List.of("total")).select(prepared.outputNames()));
        RecordEvaluator evaluator = prepared.newEvaluator();
        List<byte[]> bodies = bodies();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            List<NewChunk> stored = new ArrayList<>(bodies.size());
            for (byte[] body : bodies) {
                for (ChunkInput chunk : JsonChunkReader.read(body)) {
                    stored.add(NewChunk.of(chunk));
                }
            }
            long posted = threads.getCurrentThreadCpuTime();
            List<StoredResult> results = new ArrayList<>(stored.size());
            for (NewChunk chunk : stored) {
                ChunkInput input = ChunkCodec.decode(chunk.id().value(), chunk.payload());
                ChunkResult result = ChunkComputer.compute(input, evaluator, assembler, inputs, prepared.outputNames(),
                        wanted, Duration.ofMinutes(1));
                results.add(new StoredResult(chunk.id(), result.recordCount(), ResultCodec.encode(result)));
            }
            long computed = threads.getCurrentThreadCpuTime();
            long bytes = 0;
            for (int i = 0; i < results.size(); i += 10) {
                bytes += ChunkResultsWriter.jsonStored(results.subList(i, Math.min(results.size(), i + 10)),
                        "{}".getBytes(StandardCharsets.UTF_8)).length;
            }
            long fetched = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d: post %.3f s, compute %.3f s, fetch %.3f s, total %.3f CPU s per million records"
                            + " (%,d bytes of results)%n", round, (posted - cpu) / 1e9, (computed - posted) / 1e9,
                    (fetched - computed) / 1e9, (fetched - cpu) / 1e9, bytes);
        }
    }

    /** The sales example on the compiled engine, prepared as the engine benchmark prepares it. */
    private static PreparedCalculation compiledSalesExample() {
        EngineBenchmark.Version version = new EngineBenchmark.Version();
        version.sample = "SalesExample";
        version.engine = "compiled";
        version.prepare();
        try {
            Field prepared = EngineBenchmark.Version.class.getDeclaredField("prepared");
            prepared.setAccessible(true);
            return (PreparedCalculation) prepared.get(version);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chunk posts of one run, one chunk per post, as the CLI sends them. */
    private static List<byte[]> bodies() {
        SplittableRandom random = new SplittableRandom(20261122L);
        List<byte[]> bodies = new ArrayList<>();
        long id = 1;
        while (id <= RECORDS) {
            StringBuilder json = new StringBuilder(CHUNK * 24);
            json.append("{\"chunks\":[{\"id\":\"").append(new ChunkId(UUID.randomUUID()))
                    .append("\",\"data\":{\"inputs\":[[\"sale_id\",\"price\",\"quantity\"]");
            for (int r = 0; r < CHUNK && id <= RECORDS; r++, id++) {
                int cents = random.nextInt(100, 100_000);
                json.append(",[").append(id).append(',').append(cents / 100).append('.')
                        .append(cents % 100 < 10 ? "0" : "").append(cents % 100).append(',')
                        .append(random.nextInt(1, 100)).append(']');
            }
            json.append("],\"parameters\":{\"tax\":0.1}},\"size\":").append(CHUNK).append("}]}");
            bodies.add(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
