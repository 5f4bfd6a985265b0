package io.sluice.webapp.dashboard;

import io.sluice.domain.batch.BatchId;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CSV file being run as a batch from the dashboard: what its background job has done so far.
 * Written by the job's one thread, read by pages; every field is safe to read at any time.
 */
public final class FileRun {

    /** Where the job is. */
    public enum Stage { SUBMITTING, COLLECTING, DONE, CANCELLED, FAILED }

    private final BatchId batch;
    private final String fileName;
    private final List<String> columns;
    private final int chunkSize;
    private final Path directory;
    private final Instant started;
    private final long rows;
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong chunksSubmitted = new AtomicLong();
    private final AtomicLong chunksCollected = new AtomicLong();
    private final AtomicLong backOffs = new AtomicLong();
    private final Map<String, Long> errorKinds = new TreeMap<>();
    private volatile Stage stage = Stage.SUBMITTING;
    private volatile String failure;
    private volatile Instant finished;

    FileRun(BatchId batch, String fileName, List<String> columns, int chunkSize, Path directory, Instant started,
            long rows) {
        this.rows = rows;
        this.batch = batch;
        this.fileName = fileName;
        this.columns = List.copyOf(columns);
        this.chunkSize = chunkSize;
        this.directory = directory;
        this.started = started;
    }

    public BatchId batch() {
        return batch;
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public Instant started() {
        return started;
    }

    public Instant finished() {
        return finished;
    }

    /** The data rows of the file (the header not counted). */
    public long rows() {
        return rows;
    }

    public long rowsRead() {
        return rowsRead.get();
    }

    public long chunksSubmitted() {
        return chunksSubmitted.get();
    }

    public long chunksCollected() {
        return chunksCollected.get();
    }

    /** How often a post found the input buffer full (or the batch not admitted yet) and waited. */
    public long backOffs() {
        return backOffs.get();
    }

    public Stage stage() {
        return stage;
    }

    public String failure() {
        return failure;
    }

    public boolean isActive() {
        return stage == Stage.SUBMITTING || stage == Stage.COLLECTING;
    }

    /** The results file can be downloaded: the batch ended and every result it had was collected. */
    public boolean hasResults() {
        return stage == Stage.DONE;
    }

    /** Record errors by kind ({@code error_category / error_type}) with the records they touched. */
    public synchronized Map<String, Long> errorKinds() {
        return Map.copyOf(errorKinds);
    }

    Path directory() {
        return directory;
    }

    Path input() {
        return directory.resolve("input.csv");
    }

    Path results() {
        return directory.resolve("results.csv");
    }

    Path chunkResults(long index) {
        return directory.resolve("chunk-" + index + ".csv");
    }

    void rowsRead(long rows) {
        rowsRead.set(rows);
    }

    void chunkSubmitted() {
        chunksSubmitted.incrementAndGet();
    }

    void chunkCollected() {
        chunksCollected.incrementAndGet();
    }

    void backedOff() {
        backOffs.incrementAndGet();
    }

    synchronized void countError(String kind) {
        errorKinds.merge(kind, 1L, Long::sum);
    }

    void collecting() {
        stage = Stage.COLLECTING;
    }

    void end(Stage stage, String failure, Instant now) {
        this.failure = failure;
        this.finished = now;
        this.stage = stage;
    }
}
