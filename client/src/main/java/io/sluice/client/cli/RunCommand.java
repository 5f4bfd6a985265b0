package io.sluice.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.client.BatchRequest;
import io.sluice.client.Json;
import io.sluice.client.RequestTimings;
import io.sluice.client.SluiceClient;
import io.sluice.client.batch.BatchRun;
import io.sluice.client.batch.ChunkLimits;
import io.sluice.client.batch.ResultWriter;
import io.sluice.client.batch.RunSettings;
import io.sluice.client.batch.RunSummary;
import io.sluice.client.io.Format;
import io.sluice.client.io.RecordSource;
import io.sluice.client.io.Values;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice run}: streams a file through a new batch and writes the results. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stream a CSV or JSON lines file through a batch and write the results, in input order "
                + "unless --unordered. Ctrl-C cancels the batch.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Option(names = "--service", required = true, description = "Service URI, e.g. samples/SalesExample.")
    String service;

    @Option(names = "--input", required = true, description = "Input file: CSV with a header row, or JSON lines "
            + "(.jsonl, .ndjson).")
    Path input;

    @Option(names = "--output", required = true, description = "Result file; written to OUTPUT.partial and renamed "
            + "when the run ends well.")
    Path output;

    @Option(names = "--key", description = "Column that identifies each record (unique_record_key); echoed first "
            + "in the results.")
    String key;

    @Option(names = "--chunk-size", defaultValue = "10000", description = "Records per chunk, at most "
            + "(default ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--chunk-bytes", defaultValue = "1048576", description = "A chunk takes no further record once "
            + "its body reaches this many bytes (default ${DEFAULT-VALUE}, 1 MiB).")
    int chunkBytes;

    @Option(names = "--param", description = "A parameter NAME=VALUE applied to every record (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--output-names", split = ",", description = "Outputs to keep (names or regular expressions).")
    List<String> outputNames;

    @Option(names = "--format", description = "Result format: csv or jsonl (default: from the output file's "
            + "extension, else csv).")
    Format format;

    @Option(names = "--input-format", description = "Input format: csv or jsonl (default: from the input file's "
            + "extension).")
    Format inputFormat;

    @Option(names = "--unordered", description = "Write results as they arrive, with a record column giving each "
            + "record's input position.")
    boolean unordered;

    @Option(names = "--threads", defaultValue = "4", description = "Chunk posts at the same time (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--in-flight", defaultValue = "16", description = "Chunks posted and not yet returned, at most "
            + "(default ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--reorder-window", defaultValue = "64", description = "Returned chunks held in memory while an "
            + "earlier one is late; more wait on disk (default ${DEFAULT-VALUE}).")
    int reorderWindow;

    @Option(names = "--progress-interval", defaultValue = "5", description = "Seconds between progress lines when "
            + "output is not a terminal (default ${DEFAULT-VALUE}).")
    int progressInterval;

    @Override
    public Integer call() throws Exception {
        Format resultFormat = format != null ? format : Format.of(output);
        RunSettings settings = new RunSettings(BatchRequest.of(service, outputNames, key),
                new ChunkLimits(chunkSize, chunkBytes), parameters(),
                threads, inFlight, reorderWindow, !unordered, output.toAbsolutePath().getParent(),
                Duration.ofMillis(250));
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        SluiceClient client = connection.client();
        RunSummary summary;
        try (ProgressDisplay progress = ProgressDisplay.choose(System.console() != null, Files.size(input),
                System.err, Duration.ofSeconds(progressInterval));
             RecordSource source = (inputFormat != null ? inputFormat : Format.of(input))
                     .open(new BufferedInputStream(Files.newInputStream(input), 1 << 16));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
             ResultWriter writer = new ResultWriter(out, resultFormat, unordered)) {
            summary = runCancellable(new BatchRun(client, settings, progress), source, writer);
        }
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
        print(summary, client.timings());
        return 0;
    }

    private RunSummary runCancellable(BatchRun run, RecordSource source, ResultWriter writer) throws Exception {
        Thread onInterrupt = new Thread(() -> {
            run.cancel();
            System.err.println("\ncancelled" + (run.batchId() == null ? "" : " batch " + run.batchId()));
        }, "sluice-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return run.run(source, writer);
        } finally {
            removeHook(onInterrupt);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting (Ctrl-C): the hook runs and cancels the batch
        }
    }

    private ObjectNode parameters() {
        ObjectNode node = Json.mapper().createObjectNode();
        parameters.forEach((name, value) -> node.set(name, Values.of(value)));
        return node;
    }

    private void print(RunSummary summary, RequestTimings timings) {
        PrintWriter out = spec.commandLine().getOut();
        double seconds = summary.wallTime().toMillis() / 1000.0;
        out.printf("batch     %s %s%n", summary.batchId(), summary.batchStatus());
        out.printf("records   %d%n", summary.records());
        out.printf("failures  %d%n", summary.failures());
        out.printf("chunks    %d%n", summary.chunks());
        out.printf("wall time %.1f s%n", seconds);
        out.printf("rate      %.0f records/s%n", summary.recordsPerSecond());
        if (summary.spilledChunks() > 0) {
            out.printf("reordered %d chunks waited on disk for an earlier one%n", summary.spilledChunks());
        }
        printLatency(out, timings, RequestTimings.Call.SUBMIT_CHUNKS);
        printLatency(out, timings, RequestTimings.Call.CHUNK_RESULTS);
        out.printf("output    %s%n", output);
        out.flush();
    }

    private static void printLatency(PrintWriter out, RequestTimings timings, RequestTimings.Call call) {
        timings.latency(call).ifPresent(l -> out.printf(
                "latency   %-13s p50 %.1f ms  p99 %.1f ms  max %.1f ms  (%d calls)%n", call.label(),
                millis(l.p50()), millis(l.p99()), millis(l.max()), l.count()));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
