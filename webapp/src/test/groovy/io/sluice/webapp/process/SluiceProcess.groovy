package io.sluice.webapp.process

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.TimeUnit

/**
 * The real Sluice server as its own operating-system process: {@code java -jar webapp/target/sluice.jar},
 * configured only through system properties, its output in a log file. Used by the specs that kill
 * or stop the server; they run in the integration-test phase, after the package phase built the jar.
 */
final class SluiceProcess implements AutoCloseable {

    static final String TENANT = 'demo'
    static final String API_KEY = 'sk_sluice_process_it_key_0000000000000000000'

    final int port
    final Path log
    private final Process process
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    private SluiceProcess(int port, Path log, Process process) {
        this.port = port
        this.log = log
        this.process = process
    }

    /** The executable jar the package phase built; failsafe passes its path. */
    static Path jar() {
        def jar = Path.of(System.getProperty('sluice.jar', 'target/sluice.jar'))
        assert Files.isRegularFile(jar): "$jar is missing: the executable jar is built in the package phase"
        jar
    }

    /**
     * Starts the server in {@code workDir} (where the default H2 database {@code ./data/sluice} lives)
     * and waits until its health endpoint answers UP.
     */
    static SluiceProcess start(int port, Path log, Path workDir, Map<String, Object> properties) {
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def command = [java, '-Xmx384m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']
        def settings = ['micronaut.server.port'          : port,
                        'sluice.bootstrap.tenant'        : TENANT,
                        'sluice.bootstrap.api-key'       : API_KEY,
                        'sluice.bootstrap.admin-password': 'process-it-admin-password'] + properties
        settings.each { k, v -> command << "-D$k=$v".toString() }
        command += ['-jar', jar().toString()]
        def process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start()
        def server = new SluiceProcess(port, log, process)
        server.awaitHealthy(Duration.ofSeconds(60))
        server
    }

    /** What the server wrote so far. */
    String logText() {
        log.toFile().text
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos()
        while (System.nanoTime() < deadline) {
            assert process.alive: "the server exited with ${process.exitValue()}:\n${logText()}"
            try {
                def response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:$port/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString())
                if (response.statusCode() == 200) {
                    return
                }
            } catch (IOException ignored) {
                // not listening yet
            }
            Thread.sleep(100)
        }
        throw new AssertionError("the server did not become healthy within $timeout:\n${logText()}")
    }

    /** Calls {@code /{tenant}/api/v4{path}} with the bootstrap API key; answers the status and the parsed body. */
    Map call(String method, String path, Object body = null) {
        def request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:$port/$TENANT/api/v4$path"))
                .timeout(Duration.ofSeconds(30))
                .header('x-synthetic-key', API_KEY).header('x-tenant-name', TENANT).header('Accept', 'application/json')
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(body)))
        if (body != null) {
            request.header('Content-Type', 'application/json')
        }
        def response = http.send(request.build(), HttpResponse.BodyHandlers.ofString())
        [status: response.statusCode(), body: response.body() ? new JsonSlurper().parseText(response.body()) : null]
    }

    /** Like {@link #call} but fails unless the answer is 200; answers the body. */
    def api(String method, String path, Object body = null) {
        def answer = call(method, path, body)
        assert answer.status == 200: "$method $path answered ${answer.status}: ${answer.body}"
        answer.body
    }

    /** {@code kill -9}: the JVM gets no chance to run a shutdown hook. Answers the exit code. */
    int kill() {
        process.destroyForcibly()
        exitCode()
    }

    /** {@code SIGTERM}: the JVM runs its shutdown hooks, Sluice shuts down gracefully. Answers the exit code. */
    int terminate() {
        process.destroy()
        exitCode()
    }

    private int exitCode() {
        assert process.waitFor(60, TimeUnit.SECONDS): 'the server did not exit within a minute'
        process.exitValue()
    }

    @Override
    void close() {
        if (process.alive) {
            process.destroyForcibly()
            process.waitFor(30, TimeUnit.SECONDS)
        }
    }
}
