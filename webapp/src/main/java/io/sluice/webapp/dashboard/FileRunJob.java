package io.sluice.webapp.dashboard;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.sluice.application.batch.BatchQuery;
import io.sluice.application.batch.BatchSnapshot;
import io.sluice.application.batch.ChangeBatchStatusCommand;
import io.sluice.application.batch.FetchChunkResultsQuery;
import io.sluice.application.batch.SubmitChunksCommand;
import io.sluice.application.chunk.ChunkInput;
import io.sluice.application.chunk.StoredResult;
import io.sluice.application.chunk.SummarySpec;
import io.sluice.domain.IllegalStateTransitionException;
import io.sluice.domain.batch.BatchNotAcceptingChunksException;
import io.sluice.domain.batch.BatchStatus;
import io.sluice.domain.buffer.BufferFullException;
import io.sluice.domain.tenant.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one uploaded CSV as a normal batch, through the same use cases as the API: reads the file
 * a chunk at a time, posts each chunk (when the input buffer is full it collects results and
 * waits, then posts the same chunk again: a re-post of the same id and content is skipped, so
 * nothing is lost or doubled), closes the batch, collects every result into a file per chunk,
 * and finally writes the results file in input order.
 */
final class FileRunJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FileRunJob.class);
    private static final long FIRST_WAIT_MILLIS = 20;
    private static final long LONGEST_WAIT_MILLIS = 500;

    private final FileRun run;
    private final Caller caller;
    private final FileRunUseCases useCases;
    private final Map<UUID, Long> chunkIndex = new HashMap<>();

    /** The batch ended without this job: cancelled, failed or timed out while chunks were still being posted. */
    private static final class BatchEnded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BatchEnded(BatchStatus status) {
            super("the batch ended as " + status.wireName() + " before the whole file was posted");
        }
    }

    FileRunJob(FileRun run, Caller caller, FileRunUseCases useCases) {
        this.run = run;
        this.caller = caller;
        this.useCases = useCases;
    }

    @Override
    public void run() {
        try {
            submitAll();
            close();
            run.collecting();
            BatchSnapshot ended = collectUntilEnded();
            ResultsCsv.write(run, chunkIndex.size());
            run.end(ended.batch().status() == BatchStatus.CANCELLED ? FileRun.Stage.CANCELLED : FileRun.Stage.DONE,
                    null, useCases.clock().now());
        } catch (BatchEnded ended) {
            run.end(FileRun.Stage.CANCELLED, ended.getMessage(), useCases.clock().now());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            run.end(FileRun.Stage.FAILED, "stopped: the server is shutting down", useCases.clock().now());
        } catch (RuntimeException e) {
            LOG.warn("Running file {} as batch {} failed", run.fileName(), run.batch().value(), e);
            cancelQuietly();
            run.end(FileRun.Stage.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    useCases.clock().now());
        }
    }

    /** A run that cannot go on gives its batch's buffers back instead of leaving it open to time out. */
    private void cancelQuietly() {
        try {
            useCases.cancel().cancel(new ChangeBatchStatusCommand(caller, run.batch()));
        } catch (RuntimeException alreadyEnded) {
            LOG.debug("Batch {} of a failed file run was not cancelled: {}", run.batch().value(), alreadyEnded.getMessage());
        }
    }

    private void submitAll() throws InterruptedException {
        try (CsvReader<CsvRecord> reader = CsvFiles.open(run.input())) {
            Iterator<CsvRecord> rows = reader.iterator();
            rows.next();
            List<Object[]> chunk = new ArrayList<>(run.chunkSize());
            long read = 0;
            while (rows.hasNext()) {
                List<String> fields = rows.next().getFields();
                Object[] cells = new Object[fields.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = CsvFiles.cell(fields.get(i));
                }
                chunk.add(cells);
                run.rowsRead(++read);
                if (chunk.size() == run.chunkSize()) {
                    submit(chunk);
                    chunk = new ArrayList<>(run.chunkSize());
                }
            }
            if (!chunk.isEmpty()) {
                submit(chunk);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void submit(List<Object[]> rows) throws InterruptedException {
        ChunkInput chunk = new ChunkInput(UUID.randomUUID(), run.columns(), rows, Map.of(), SummarySpec.NONE);
        chunkIndex.put(chunk.id(), (long) chunkIndex.size());
        long wait = FIRST_WAIT_MILLIS;
        while (true) {
            try {
                useCases.submit().submit(new SubmitChunksCommand(caller, run.batch(), List.of(chunk)));
                run.chunkSubmitted();
                return;
            } catch (BufferFullException full) {
                if (full.neverFits()) {
                    throw new IllegalArgumentException("a chunk of " + rows.size() + " rows does not fit the batch's whole"
                            + " input buffer: choose a smaller chunk size", full);
                }
            } catch (BatchNotAcceptingChunksException notNow) {
                BatchStatus status = snapshot().batch().status();
                if (status != BatchStatus.PENDING) {
                    throw new BatchEnded(status);
                }
            }
            run.backedOff();
            collect();
            Thread.sleep(wait);
            wait = Math.min(LONGEST_WAIT_MILLIS, wait * 2);
        }
    }

    private void close() {
        try {
            useCases.close().close(new ChangeBatchStatusCommand(caller, run.batch()));
        } catch (IllegalStateTransitionException notOpen) {
            BatchStatus status = snapshot().batch().status();
            if (status.isFinal()) {
                throw new BatchEnded(status);
            }
        }
    }

    private BatchSnapshot collectUntilEnded() throws InterruptedException {
        long wait = FIRST_WAIT_MILLIS;
        while (true) {
            int collected = collect();
            BatchSnapshot now = snapshot();
            if (now.batch().status().isFinal() && now.recordsAvailable() == 0) {
                return now;
            }
            if (collected == 0) {
                Thread.sleep(wait);
                wait = Math.min(LONGEST_WAIT_MILLIS, wait * 2);
            } else {
                wait = FIRST_WAIT_MILLIS;
            }
        }
    }

    /** Takes every computed chunk out of the output buffer into its own results file. */
    private int collect() {
        int collected = 0;
        while (true) {
            List<StoredResult> results = useCases.fetch().fetch(
                    new FetchChunkResultsQuery(caller, run.batch(), FetchChunkResultsQuery.MAX)).results();
            for (StoredResult result : results) {
                Long index = chunkIndex.get(result.id().value());
                if (index != null) {
                    ResultsCsv.writeChunk(run, index, result.decode());
                    run.chunkCollected();
                }
            }
            collected += results.size();
            if (results.size() < FetchChunkResultsQuery.MAX) {
                return collected;
            }
        }
    }

    private BatchSnapshot snapshot() {
        return useCases.get().get(new BatchQuery(caller, run.batch()));
    }
}
