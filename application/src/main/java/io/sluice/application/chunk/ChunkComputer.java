package io.sluice.application.chunk;

import io.sluice.application.port.RecordEvaluator;
import io.sluice.domain.chunk.ChunkId;
import io.sluice.domain.record.Aggregation;
import io.sluice.domain.record.ChunkResult;
import io.sluice.domain.record.ChunkResultAssembler;
import io.sluice.domain.record.ChunkSummary;
import io.sluice.domain.record.RecordError;
import io.sluice.domain.record.RecordInputs;
import io.sluice.domain.record.RecordOutcome;
import io.sluice.domain.record.RecordTable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes one stored chunk on one thread's evaluator: binds each record's inputs (the domain's
 * {@link RecordInputs}), evaluates it, and has the batch's {@link ChunkResultAssembler} shape the
 * result. Stops with {@link TimeLimitExceededException} once the chunk has taken longer than its
 * time limit.
 */
public final class ChunkComputer {

    private ChunkComputer() {
    }

    /** The chunk took longer than the time limit: the attempt is abandoned. */
    public static final class TimeLimitExceededException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TimeLimitExceededException(Duration limit) {
            super("the chunk took longer than its time limit of " + limit.toMillis() + " ms");
        }
    }

    /** The domain's view of a stored chunk: its record table (header row first) and its summary. */
    public static RecordTable table(ChunkInput chunk) {
        List<List<?>> rows = new ArrayList<>(chunk.recordCount() + 1);
        rows.add(chunk.columns());
        for (Object[] row : chunk.rows()) {
            rows.add(Arrays.asList(row));
        }
        return RecordTable.of(rows);
    }

    public static ChunkSummary summary(ChunkInput chunk) {
        if (chunk.summary().isEmpty()) {
            return ChunkSummary.none();
        }
        List<Aggregation> sums = chunk.summary().sumOf().stream()
                .map(output -> new Aggregation(output, Aggregation.Operator.SUM)).toList();
        return new ChunkSummary(chunk.summary().ignoreError(), sums);
    }

    /**
     * @param serviceInputs  the pinned version's input names
     * @param serviceOutputs the pinned version's output names
     * @throws TimeLimitExceededException when the records take longer than {@code timeLimit} together (the sum
     *                                    of the processing times their outcomes report)
     * @throws io.sluice.domain.record.InvalidRecordTableException when the unique record key is no column
     */
    public static ChunkResult compute(ChunkInput chunk, RecordEvaluator evaluator, ChunkResultAssembler assembler,
                                      Set<String> serviceInputs, List<String> serviceOutputs, Set<String> wanted,
                                      Duration timeLimit) {
        RecordTable table = table(chunk);
        ChunkSummary summary = summary(chunk);
        Set<String> asked = wanted;
        if (summary.isRequested()) {
            asked = new LinkedHashSet<>(wanted);
            for (Aggregation a : summary.aggregations()) {
                if (serviceOutputs.contains(a.outputName())) {
                    asked.add(a.outputName());
                }
            }
        }
        RecordInputs inputs = RecordInputs.bind(table, chunk.parameters(), serviceInputs);
        int n = table.recordCount();
        List<RecordOutcome> outcomes = new ArrayList<>(n);
        // the records' own processing times, summed: no second clock read per record
        long limit = timeLimit.toNanos();
        long taken = 0;
        for (int r = 0; r < n; r++) {
            RecordOutcome outcome = evaluator.evaluate(inputs.asMap(r), asked);
            outcomes.add(outcome);
            taken += outcome.processTimeNanos();
            if (taken > limit) {
                throw new TimeLimitExceededException(timeLimit);
            }
        }
        return assembler.assemble(new ChunkId(chunk.id()), table, outcomes, summary);
    }

    /**
     * The result of a chunk that failed for good: every record carries {@code reason} as a
     * {@code processing_error}, so no record silently disappears.
     */
    public static ChunkResult failed(ChunkInput chunk, ChunkResultAssembler assembler, String reason) {
        RecordError error = new RecordError(null, reason, RecordError.PROCESSING_ERROR, null);
        return assembler.assembleFailure(new ChunkId(chunk.id()), table(chunk), error, summary(chunk));
    }
}
