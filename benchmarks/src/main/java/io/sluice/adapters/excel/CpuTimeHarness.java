package io.sluice.adapters.excel;

import io.sluice.application.port.CalculationKey;
import io.sluice.application.port.PreparedCalculation;
import io.sluice.application.port.RecordEvaluator;
import io.sluice.domain.tenant.TenantId;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records per second of CPU time on one thread, for a machine too busy for wall-clock figures:
 * the thread's own CPU time is the denominator, so other processes on the machine barely affect
 * it. Run: {@code java -cp benchmarks/target/benchmarks.jar io.sluice.adapters.excel.CpuTimeHarness}
 * for everything, or with arguments {@code ENGINES [SAMPLES]} (comma-separated, e.g. {@code compiled
 * InsuranceQuote}) for those only, without the plain XSSF baseline. Each row ends with the median
 * of its rounds after the first (JIT warm-up).
 */
public final class CpuTimeHarness {

    private CpuTimeHarness() {
    }

    public static void main(String[] args) throws java.io.IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (args.length > 0) {
            for (String engine : args[0].split(",")) {
                for (String sample : (args.length > 1 ? args[1] : "SalesExample,InsuranceQuote").split(",")) {
                    measure(threads, engine, sample);
                }
            }
            return;
        }
        XssfBaselineBenchmark baseline = new XssfBaselineBenchmark();
        XssfBaselineBenchmark.Sheet sheet = new XssfBaselineBenchmark.Sheet();
        sheet.open();
        for (int round = 0; round < 6; round++) {
            int count = 50_000;
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < count; i++) {
                baseline.xssfNotifyUpdateCell(sheet);
            }
            System.out.printf("SalesExample on plain XSSF round %d: %.0f records per CPU second%n",
                    round, count / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9));
        }
        for (String engine : List.of("compiled", "poi")) {
            for (String sample : List.of("SalesExample", "InsuranceQuote")) {
                measure(threads, engine, sample);
            }
        }
    }

    private static void measure(ThreadMXBean threads, String engine, String sample) {
        byte[] workbook = sample.equals("SalesExample") ? SampleWorkbooks.salesExample() : SampleWorkbooks.insuranceQuote();
        PreparedCalculation prepared = new PoiCalculationEngine(PoiCalculationEngine.Limits.defaults(),
                EngineBenchmark.kind(engine))
                .prepare(new CalculationKey(TenantId.of("bench"), UUID.randomUUID()), () -> workbook);
        EngineBenchmark.Version version = new EngineBenchmark.Version();
        version.sample = sample;
        version.engine = engine;
        version.prepared = prepared;
        EngineBenchmark.Worker worker = new EngineBenchmark.Worker();
        worker.start(version);
        RecordEvaluator evaluator = worker.evaluator;
        Set<String> outputs = new LinkedHashSet<>(prepared.outputNames());
        List<Map<String, Object>> records = worker.records;
        double[] rates = new double[6];
        for (int round = 0; round < rates.length; round++) {
            // about a second or more of CPU a round for either engine
            int count = (sample.equals("SalesExample") ? 400_000 : 100_000) * (engine.equals("compiled") ? 10 : 1);
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < count; i++) {
                evaluator.evaluate(records.get(i & 1023), outputs);
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            System.out.printf("%s on the %s engine, round %d: %.0f records per CPU second (%.0f per wall second)%n",
                    sample, engine, round, count / cpuSeconds, count / wallSeconds);
            rates[round] = count / cpuSeconds;
        }
        double[] steady = java.util.Arrays.copyOfRange(rates, 1, rates.length);
        java.util.Arrays.sort(steady);
        System.out.printf("%s on the %s engine: median %.0f records per CPU second (range %.0f - %.0f, rounds 1-5)%n",
                sample, engine, steady[steady.length / 2], steady[0], steady[steady.length - 1]);
    }
}
