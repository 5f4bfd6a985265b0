package io.sluice.benchmarks.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The benchmark's findings as Markdown: the machine, every run, and medians with their spread. */
final class Report {

    private Report() {
    }

    static String markdown(List<EndToEndBenchmark.Run> runs, long records, int chunkSize) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine()).append("\n\n");
        md.append(String.format(Locale.ROOT, "%,d records per run, chunks of %,d.%n%n", records, chunkSize));
        md.append("| run | # | records/s | wall s | server CPU s | client CPU s | peak RSS MB | live heap after MB "
                + "| status p50 / p99 ms | status p99 on the server ms | results p50 / p99 ms | post p99 ms |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (EndToEndBenchmark.Run r : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.1f | %.1f | %s | %d | %s | %s | %s | %s | %s |%n",
                    r.what(), (r.warmup() ? "warm-up " : "") + r.number(), r.recordsPerSecond(), r.wallSeconds(),
                    r.serverCpuSeconds(),
                    r.clientCpuSeconds() > 0 ? String.format(Locale.ROOT, "%.1f", r.clientCpuSeconds()) : "–",
                    r.peakRssBytes() >> 20, r.liveHeapAfterBytes() < 0 ? "–" : Long.toString(r.liveHeapAfterBytes() >> 20),
                    pair(r.statusP50(), r.statusP99()), atMost(r.serverStatusP99()),
                    pair(r.resultsP50(), r.resultsP99()), single(r.postP99())));
        }
        Map<String, List<EndToEndBenchmark.Run>> byWhat = runs.stream().filter(r -> !r.warmup())
                .collect(Collectors.groupingBy(EndToEndBenchmark.Run::what, LinkedHashMap::new, Collectors.toList()));
        md.append("\nMedians and spreads leave the warm-up runs out. A run's status p99 is read from a few dozen "
                + "calls, so it is close to that run's slowest; the p99 over all calls pools the measured runs' calls.\n");
        md.append("\n| configuration | median records/s | spread (min – max) | median server CPU s | records per CPU s "
                + "| median status p99 ms | status p99 ms over all calls | on the server |\n|---|---|---|---|---|---|---|---|\n");
        for (var entry : byWhat.entrySet()) {
            List<EndToEndBenchmark.Run> group = entry.getValue();
            double median = median(group, EndToEndBenchmark.Run::recordsPerSecond);
            double cpu = median(group, EndToEndBenchmark.Run::serverCpuSeconds);
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f – %,.0f | %.1f | %,.0f | %s | %s | %s |%n", entry.getKey(),
                    median, min(group, EndToEndBenchmark.Run::recordsPerSecond),
                    max(group, EndToEndBenchmark.Run::recordsPerSecond), cpu, records / cpu,
                    single(median(group, EndToEndBenchmark.Run::statusP99)), pooledStatusP99(group),
                    atMost(median(group, EndToEndBenchmark.Run::serverStatusP99))));
        }
        List<String> peers = byWhat.keySet().stream().filter(k -> k.startsWith("Spring Batch")).toList();
        if (!peers.isEmpty()) {
            double peer = median(byWhat.get(peers.get(0)), EndToEndBenchmark.Run::recordsPerSecond);
            md.append('\n');
            byWhat.forEach((what, group) -> {
                if (!what.startsWith("Spring Batch")) {
                    md.append(String.format(Locale.ROOT, "- %s: %.1f× the peer (median against median)%n", what,
                            median(group, EndToEndBenchmark.Run::recordsPerSecond) / peer));
                }
            });
        }
        return md.toString();
    }

    /** The p99 of every status call of the runs together, with how many calls that is. */
    static String pooledStatusP99(List<EndToEndBenchmark.Run> runs) {
        Histogram pooled = new Histogram(3);
        runs.stream().map(EndToEndBenchmark.Run::statusMicros).filter(Objects::nonNull).forEach(pooled::add);
        return pooled.getTotalCount() == 0 ? "–" : String.format(Locale.ROOT, "%.1f (%,d calls)",
                pooled.getValueAtPercentile(99) / 1000.0, pooled.getTotalCount());
    }

    private static String pair(double a, double b) {
        return Double.isNaN(a) ? "–" : String.format(Locale.ROOT, "%.1f / %.1f", a, b);
    }

    private static String single(double a) {
        return Double.isNaN(a) ? "–" : String.format(Locale.ROOT, "%.1f", a);
    }

    /** A percentile read from histogram buckets: the bound of its bucket. */
    private static String atMost(double a) {
        return Double.isNaN(a) ? "–" : Double.isInfinite(a) ? "> 30,000" : String.format(Locale.ROOT, "≤ %.1f", a);
    }

    static double median(List<EndToEndBenchmark.Run> runs, ToDoubleFunction<EndToEndBenchmark.Run> value) {
        List<Double> sorted = new ArrayList<>(runs.stream().map(value::applyAsDouble).toList());
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<EndToEndBenchmark.Run> runs, ToDoubleFunction<EndToEndBenchmark.Run> value) {
        return runs.stream().mapToDouble(value).min().orElse(Double.NaN);
    }

    private static double max(List<EndToEndBenchmark.Run> runs, ToDoubleFunction<EndToEndBenchmark.Run> value) {
        return runs.stream().mapToDouble(value).max().orElse(Double.NaN);
    }

    /** CPU model, cores, memory, JVM and load, from /proc and the JVM. */
    static String machine() {
        String cpu = "unknown CPU";
        String load = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            load = ", load average " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " at the end";
        } catch (IOException e) {
            // not Linux: say less
        }
        return String.format(Locale.ROOT, "%s, %d cores, %d GiB, Java %s (%s)%s", cpu,
                Runtime.getRuntime().availableProcessors(), physicalGib(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), load);
    }

    private static long physicalGib() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return 0;
    }
}
