package io.sluice.benchmarks.endtoend;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code ./sluice-cli run} of the sales example, in a process of its own, as a user runs it. */
final class CliRun {

    /** What the command printed and what it cost. */
    record Outcome(long records, long failures, double wallSeconds, double cliCpuSeconds, long cliPeakRssBytes,
                   double postP50Millis, double postP99Millis, double resultsP50Millis, double resultsP99Millis) {
    }

    private static final Pattern LATENCY = Pattern.compile(
            "latency\\s+(post chunks|chunk results)\\s+p50 ([\\d.]+) ms\\s+p99 ([\\d.]+) ms");

    private CliRun() {
    }

    /**
     * Runs {@code launcher} (the {@code sluice-cli} script, which starts the JVM with its own
     * options and class data archive and replaces itself with it, so the process watched is the
     * command line's JVM).
     */
    static Outcome run(Path launcher, URI server, Path input, Path output, int chunkSize, Path log)
            throws IOException, InterruptedException {
        List<String> command = List.of(launcher.toAbsolutePath().toString(), "run",
                "--service", "samples/SalesExample", "--input", input.toString(), "--output", output.toString(),
                "--key", "sale_id", "--chunk-size", Integer.toString(chunkSize), "--param", "tax=0.1",
                "--output-names", "total", "--progress-interval", "1");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SLUICE_URL", server.toString());
        builder.environment().put("SLUICE_TENANT", ServerProcess.TENANT);
        builder.environment().put("SLUICE_API_KEY", ServerProcess.API_KEY);
        long start = System.nanoTime();
        ProcessStats.Finished finished = ProcessStats.watch(builder.start(), start);
        String printed = Files.readString(log);
        if (finished.exitValue() != 0) {
            throw new IllegalStateException("sluice-cli run failed with " + finished.exitValue() + ":\n" + printed);
        }
        double[] post = latency(printed, "post chunks");
        double[] results = latency(printed, "chunk results");
        return new Outcome(number(printed, "records"), number(printed, "failures"), finished.wallSeconds(),
                finished.last().cpuSeconds(), finished.last().peakRssBytes(), post[0], post[1], results[0], results[1]);
    }

    private static long number(String printed, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + "\\s+(\\d+)$").matcher(printed);
        if (!m.find()) {
            throw new IllegalStateException("sluice-cli printed no '" + label + "' line:\n" + printed);
        }
        return Long.parseLong(m.group(1));
    }

    private static double[] latency(String printed, String call) {
        Matcher m = LATENCY.matcher(printed);
        while (m.find()) {
            if (m.group(1).equals(call)) {
                return new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }
}
