package io.sluice.webapp.dashboard;

import io.sluice.application.batch.BatchSnapshot;
import io.sluice.application.batch.CreateBatchCommand;
import io.sluice.domain.batch.BatchConfiguration;
import io.sluice.domain.batch.BatchId;
import io.sluice.domain.record.OutputSelection;
import io.sluice.domain.tenant.Caller;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The CSV files being run as batches on this node, each by a {@link FileRunJob} on a small pool of
 * background threads. A run's files (the upload, a results file per chunk and the joined results)
 * live in a temporary directory for {@link #KEEP_ENDED} after the run ended, and at most until the
 * node stops (docs/adr/0008-file-runs.md).
 */
@Singleton
class FileRuns {

    /** How long an ended run (and its results file) stays on this node. */
    static final Duration KEEP_ENDED = Duration.ofHours(24);

    /** Jobs running at once on this node; more wait their turn. */
    static final int PARALLEL_RUNS = 2;
    static final int MAX_CHUNK_SIZE = 10_000;

    private final FileRunUseCases useCases;
    private final Map<BatchId, FileRun> runs = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(PARALLEL_RUNS, task -> {
        Thread thread = new Thread(task, "sluice-file-run-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Path root;

    FileRuns(FileRunUseCases useCases) {
        this.useCases = useCases;
        try {
            this.root = Files.createTempDirectory("sluice-file-runs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the run-a-file form asks for. */
    record Request(Caller caller, String fileName, String service, int chunkSize, String keyColumn, Double inputMb) {

        Request {
            if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
                throw new IllegalArgumentException("chunk size must be between 1 and " + MAX_CHUNK_SIZE);
            }
            if (service == null || service.isBlank()) {
                throw new IllegalArgumentException("choose a service version");
            }
        }
    }

    /**
     * Checks the file (header, row widths, key column), creates the batch and starts its job.
     *
     * @throws IllegalArgumentException the file or a setting is unusable, nothing was created
     * @throws io.sluice.application.service.ServiceNotFoundException no such service version
     */
    FileRun start(Request request, InputStream upload) {
        forgetEndedBefore(useCases.clock().now().minus(KEEP_ENDED));
        Path directory = null;
        try {
            directory = Files.createTempDirectory(root, "run-");
            Path input = directory.resolve("input.csv");
            Files.copy(upload, input, StandardCopyOption.REPLACE_EXISTING);
            CsvFiles.Shape shape = CsvFiles.check(input);
            String key = request.keyColumn() == null || request.keyColumn().isBlank() ? null : request.keyColumn().trim();
            if (key != null && !shape.columns().contains(key)) {
                throw new IllegalArgumentException("the key column '" + key + "' is not in the file's header");
            }
            BatchSnapshot batch = useCases.create().create(new CreateBatchCommand(request.caller(), request.service(),
                    new BatchConfiguration.Requested(null, null, null, null, request.inputMb(), null, null,
                            OutputSelection.all(), key, "run a file", "dashboard", request.fileName())));
            FileRun run = new FileRun(batch.batch().id(), request.fileName(), shape.columns(), request.chunkSize(),
                    directory, useCases.clock().now(), shape.rows());
            runs.put(run.batch(), run);
            executor.execute(new FileRunJob(run, request.caller(), useCases));
            return run;
        } catch (IOException e) {
            delete(directory);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(directory);
            throw e;
        }
    }

    /** The run of a batch, if it was started on this node (callers check visibility through GetBatch first). */
    Optional<FileRun> find(BatchId batch) {
        return Optional.ofNullable(runs.get(batch));
    }

    private void forgetEndedBefore(Instant limit) {
        runs.values().removeIf(run -> {
            boolean old = !run.isActive() && run.finished() != null && run.finished().isBefore(limit);
            if (old) {
                delete(run.directory());
            }
            return old;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        delete(root);
    }

    private static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary file is no reason to fail
        }
    }
}
