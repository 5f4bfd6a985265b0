package io.sluice.benchmarks.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Sluice server started from its executable jar, as an operator would start it, in a working
 * directory of its own (so the embedded H2 database is new), with a known bootstrap API key.
 */
final class ServerProcess implements AutoCloseable {

    static final String TENANT = "demo";
    static final String API_KEY = "sk_sluice_benchmark_key_000000000000000000";

    private final Process process;
    private final URI url;

    private ServerProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /**
     * The JVM options {@code ./sluice} starts the server with: {@code webapp/jvm.options} and, where
     * the kernel offers transparent huge pages (its setting readable and not {@code never}), the heap
     * in them.
     */
    static List<String> defaultJvmOptions() {
        List<String> options = new ArrayList<>(List.of("@webapp/jvm.options"));
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        try {
            if (Files.isReadable(setting) && !Files.readString(setting).contains("[never]")) {
                options.add("-XX:+UseTransparentHugePages");
            }
        } catch (IOException e) {
            // unreadable after all: no huge pages, as ./sluice decides
        }
        return options;
    }

    /**
     * Starts {@code jar} on {@code port} in {@code workDir}; {@code environment} adds to the
     * process environment (the database of the PostgreSQL runs). An argument file among
     * {@code jvmOptions} ({@code @path}) is named from the benchmark's working directory, not the
     * server's. Returns once {@code /health} is UP.
     */
    static ServerProcess start(Path jar, Path workDir, int port, List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        jvmOptions.forEach(option -> command.add(option.startsWith("@")
                ? "@" + Path.of(option.substring(1)).toAbsolutePath() : option));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("server.log").toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("SLUICE_BOOTSTRAP_API_KEY", API_KEY);
        builder.environment().putAll(environment);
        ServerProcess server = new ServerProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
        server.awaitHealthy(workDir.resolve("server.log"));
        return server;
    }

    URI url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    ProcessStats stats() {
        return ProcessStats.of(process.pid());
    }

    /**
     * The heap still in use after a full collection, asked of the server through {@code jcmd}:
     * unlike the resident set, which a JVM rarely gives back, this shows whether anything is kept
     * from one run to the next.
     */
    long liveHeapBytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap use");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String printed = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + printed);
        }
        return printed;
    }

    private void awaitHealthy(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Sluice exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(url.resolve("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("Sluice did not become healthy within 2 minutes; see " + log);
    }

    /** Stops the server as an operator would: SIGTERM, then waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
