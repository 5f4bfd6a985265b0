package io.sluice.adapters.excel;

import io.sluice.application.port.CalculationKey;
import io.sluice.application.port.PreparedCalculation;
import io.sluice.application.port.RecordEvaluator;
import io.sluice.domain.record.RecordOutcome;
import io.sluice.domain.tenant.TenantId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Records per second per thread of the calculation engine on the built-in samples: one shared
 * prepared version, one evaluator per benchmark thread, every output requested, 1024 varied
 * records cycled so that inputs change from record to record as they do in a chunk.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
public class EngineBenchmark {

    /** Shared by every thread, as in the batch pipeline. */
    @State(Scope.Benchmark)
    public static class Version {
        @Param({"SalesExample", "InsuranceQuote"})
        public String sample;
        /** {@code compiled} (the default engine) or {@code poi} (Apache POI's evaluator). */
        @Param({"compiled", "poi"})
        public String engine;
        PreparedCalculation prepared;

        @Setup
        public void prepare() {
            byte[] workbook = sample.equals("SalesExample") ? SampleWorkbooks.salesExample() : SampleWorkbooks.insuranceQuote();
            prepared = new PoiCalculationEngine(PoiCalculationEngine.Limits.defaults(), kind(engine))
                    .prepare(new CalculationKey(TenantId.of("bench"), UUID.randomUUID()), () -> workbook);
        }
    }

    static PoiCalculationEngine.Kind kind(String engine) {
        return PoiCalculationEngine.Kind.valueOf(engine.toUpperCase(java.util.Locale.ROOT));
    }

    /** One per thread. */
    @State(Scope.Thread)
    public static class Worker {
        RecordEvaluator evaluator;
        List<Map<String, Object>> records;
        Set<String> outputs;
        int next;

        @Setup
        public void start(Version version) {
            evaluator = version.prepared.newEvaluator();
            outputs = new LinkedHashSet<>(version.prepared.outputNames());
            Random random = new Random(42);
            records = new ArrayList<>();
            for (int i = 0; i < 1024; i++) {
                records.add(version.sample.equals("SalesExample") ? sale(random) : quote(random, i));
            }
        }

        private static Map<String, Object> sale(Random random) {
            return Map.of("price", Math.round(random.nextDouble() * 10_000) / 100.0, "quantity", 1 + random.nextInt(20),
                    "tax", random.nextInt(3) * 0.05);
        }

        private static Map<String, Object> quote(Random random, int i) {
            return Map.of("customer", "customer " + i, "product", List.of("BASIC", "PLUS", "PREMIUM").get(random.nextInt(3)),
                    "birth_date", (1940 + random.nextInt(70)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10),
                    "quote_date", "2026-01-01", "amount", 1000 + random.nextInt(50_000), "years", 1 + random.nextInt(5),
                    "extras", List.of(Map.of("item", "helmet", "price", random.nextInt(200))));
        }
    }

    @Benchmark
    public RecordOutcome evaluateOneRecord(Worker worker) {
        return worker.evaluator.evaluate(worker.records.get(worker.next++ & 1023), worker.outputs);
    }
}
