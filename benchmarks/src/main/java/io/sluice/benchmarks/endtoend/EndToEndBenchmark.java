package io.sluice.benchmarks.endtoend;

import io.sluice.adapters.excel.SampleWorkbookFiles;
import io.sluice.benchmarks.peer.SpringBatchPoiPeer;
import io.sluice.client.Connection;
import io.sluice.client.Credentials;
import io.sluice.client.SluiceClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The end-to-end benchmark: the sales example's records pushed through a real Sluice server by
 * the {@code sluice-cli run} command on the same machine, on the embedded default and on
 * PostgreSQL, three runs each on one server; the status of the batch watched meanwhile; and the
 * Spring Batch + POI peer on the same file in the same session. Prints a Markdown report and
 * draws records per second over each run.
 */
@Command(name = "end-to-end", mixinStandardHelpOptions = true,
        description = "Pushes N sales-example records through a real Sluice server and a Spring Batch + POI peer.")
public final class EndToEndBenchmark implements Callable<Integer> {

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Option(names = "--records", defaultValue = "1000000", description = "Records per run (default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each configuration (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup-runs", defaultValue = "1",
            description = "Runs on each new server before the measured ones, reported apart and left out of the "
                    + "medians (default ${DEFAULT-VALUE}).")
    int warmupRuns;

    @Option(names = "--databases", split = ",", defaultValue = "h2,postgres",
            description = "Databases to run Sluice on: h2, postgres (default ${DEFAULT-VALUE}).")
    List<String> databases;

    @Option(names = "--chunk-size", defaultValue = "10000", description = "Records per chunk (default ${DEFAULT-VALUE}, the command line's own).")
    int chunkSize;

    @Option(names = "--peer-threads", description = "Threads of the peer's step (default: the cores).")
    Integer peerThreads;

    @Option(names = "--skip-peer", description = "Do not run the Spring Batch + POI peer.")
    boolean skipPeer;

    @Option(names = "--port", defaultValue = "18080", description = "Port of the server under test (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--server-jar", defaultValue = "webapp/target/sluice.jar")
    Path serverJar;

    @Option(names = "--cli", defaultValue = "sluice-cli",
            description = "The command line's launcher, run as a user runs it (default ${DEFAULT-VALUE}).")
    Path cli;

    @Option(names = "--server-java-options", split = " ",
            description = "JVM options of the server (default: as ./sluice starts it, @webapp/jvm.options and, "
                    + "where the kernel offers them, -XX:+UseTransparentHugePages).")
    List<String> serverJavaOptions;

    @Option(names = "--work-dir", defaultValue = "benchmarks/target/end-to-end",
            description = "Input, outputs, server directories and logs (default ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--plot", description = "Where to draw records/s over each run (default: WORK-DIR/throughput.png).")
    Path plot;

    /**
     * One run; a warm-up run is reported but left out of the medians. {@code statusMicros}: the time
     * of every status call the probe made (none for the peer).
     */
    record Run(String what, int number, boolean warmup, long records, double wallSeconds, double serverCpuSeconds,
               double clientCpuSeconds, long peakRssBytes, long liveHeapAfterBytes, Histogram statusMicros,
               double serverStatusP99, double postP99, double resultsP50, double resultsP99) {

        double recordsPerSecond() {
            return records / wallSeconds;
        }

        double statusP50() {
            return statusMillis(50);
        }

        double statusP99() {
            return statusMillis(99);
        }

        /** A percentile of the run's status calls in milliseconds; NaN when it made none. */
        double statusMillis(double percentile) {
            return statusMicros == null || statusMicros.getTotalCount() == 0 ? Double.NaN
                    : statusMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final List<Run> results = new ArrayList<>();
    private final Map<String, List<StatusProbe.Sample>> curves = new LinkedHashMap<>();

    public static void main(String[] args) {
        // "@file" is a JVM argument file for the server (--server-java-options), not one for this command
        System.exit(new CommandLine(new EndToEndBenchmark()).setExpandAtFiles(false).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(workDir);
        Path input = SalesCsv.ensure(workDir.resolve("sales-" + records + ".csv"), records);
        for (String database : databases) {
            sluice(database, input);
        }
        if (!skipPeer) {
            peer(input);
        }
        ThroughputPlot.write(plot != null ? plot : workDir.resolve("throughput.png"),
                String.format(Locale.ROOT, "Sluice, %,d sales-example records per run, chunks of %,d", records, chunkSize),
                curves);
        System.out.println(Report.markdown(results, records, chunkSize));
        return 0;
    }

    private void sluice(String database, Path input) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        String schema = null;
        if (database.equals("postgres")) {
            schema = "sluice_benchmark_" + System.currentTimeMillis();
            sql("create schema " + schema);
            environment.put("MICRONAUT_ENVIRONMENTS", "postgres");
            environment.put("DATASOURCES_DEFAULT_URL", POSTGRES_URL + "?currentSchema=" + schema);
        } else if (!database.equals("h2")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "unknown database " + database);
        }
        Path serverDir = workDir.resolve("server-" + database + "-" + System.currentTimeMillis());
        log("starting Sluice on %s in %s", database, serverDir);
        try (ServerProcess server = ServerProcess.start(serverJar, serverDir, port,
                serverJavaOptions != null ? serverJavaOptions : ServerProcess.defaultJvmOptions(), environment)) {
            SluiceClient client = new SluiceClient(new Connection(server.url(), ServerProcess.TENANT,
                    new Credentials.ApiKey(ServerProcess.API_KEY)));
            ServerTimer statusTimer = new ServerTimer(server, "GET", "/{tenant}/api/v4/batch/{id}/status");
            for (int n = 1; n <= warmupRuns; n++) {
                results.add(sluiceRun(database, true, n, server, client, statusTimer, input, serverDir));
            }
            for (int n = 1; n <= runs; n++) {
                results.add(sluiceRun(database, false, n, server, client, statusTimer, input, serverDir));
            }
        } finally {
            if (schema != null) {
                sql("drop schema " + schema + " cascade");
            }
        }
    }

    private Run sluiceRun(String database, boolean warmup, int n, ServerProcess server, SluiceClient client,
                          ServerTimer statusTimer, Path input, Path dir) throws Exception {
        ServerTimer.Buckets statusBefore = statusTimer.read();
        ProcessStats before = server.stats();
        StatusProbe probe = new StatusProbe(client, StatusProbe.batchIds(client), 100);
        Thread watcher = new Thread(probe, "status-probe");
        watcher.start();
        String label = (warmup ? "warm-up " : "run ") + n;
        String file = label.replace(' ', '-');
        Path output = dir.resolve("totals-" + file + ".csv");
        CliRun.Outcome outcome = CliRun.run(cli, server.url(), input, output, chunkSize, dir.resolve("cli-" + file + ".log"));
        probe.stop();
        watcher.join(TimeUnit.SECONDS.toMillis(10));
        ProcessStats after = server.stats();
        double serverStatusP99 = ServerTimer.percentileMillis(statusBefore, statusTimer.read(), 99);
        long liveHeap = server.liveHeapBytes();
        Verification.totals(input, output, records);
        Files.delete(output);
        String name = "Sluice on " + database;
        if (!warmup) {
            curves.put(name + " #" + n, probe.samples());
        }
        Run run = new Run(name, n, warmup, outcome.records(), outcome.wallSeconds(), after.cpuSeconds() - before.cpuSeconds(),
                outcome.cliCpuSeconds(), after.peakRssBytes(), liveHeap, probe.latencyMicros(), serverStatusP99,
                outcome.postP99Millis(), outcome.resultsP50Millis(), outcome.resultsP99Millis());
        log("%s %s: %,.0f records/s, server CPU %.1f s, peak RSS %d MB, live heap after %d MB, status p99 %.1f ms"
                        + " (server's own at most %.1f ms)", name, label, run.recordsPerSecond(), run.serverCpuSeconds(),
                run.peakRssBytes() >> 20, run.liveHeapAfterBytes() >> 20, run.statusP99(), run.serverStatusP99());
        return run;
    }

    private void peer(Path input) throws Exception {
        Path workbook = workDir.resolve("SalesExample.xlsx");
        Files.write(workbook, SampleWorkbookFiles.salesExample());
        int threads = peerThreads != null ? peerThreads : Runtime.getRuntime().availableProcessors();
        Path benchmarksJar = Path.of(SpringBatchPoiPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (int n = 1; n <= runs; n++) {
            Path output = workDir.resolve("peer-totals-" + n + ".csv");
            Path log = workDir.resolve("peer-" + n + ".log");
            Process process = new ProcessBuilder(ServerProcess.javaBinary(), "-cp", benchmarksJar.toString(),
                    SpringBatchPoiPeer.class.getName(), workbook.toString(), input.toString(), output.toString(),
                    Integer.toString(threads)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ProcessStats.Finished finished = ProcessStats.watch(process, System.nanoTime());
            String printed = Files.readString(log);
            Matcher done = Pattern.compile("(?m)^records\\s+(\\d+)$").matcher(printed);
            if (finished.exitValue() != 0 || !done.find()) {
                throw new IllegalStateException("the peer failed:\n" + printed);
            }
            Verification.totalsUnordered(input, output, records);
            Files.delete(output);
            String name = "Spring Batch + POI, " + threads + " threads";
            Run run = new Run(name, n, false, Long.parseLong(done.group(1)), finished.wallSeconds(), finished.last().cpuSeconds(),
                    0, finished.last().peakRssBytes(), -1, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            results.add(run);
            log("%s run %d: %,.0f records/s, CPU %.1f s, peak RSS %d MB", name, n, run.recordsPerSecond(),
                    run.serverCpuSeconds(), run.peakRssBytes() >> 20);
        }
    }

    private static void sql(String statement) throws Exception {
        try (var connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
             var s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[end-to-end] " + format + "%n", args);
    }
}
