package io.sluice.domain.record;

import io.sluice.domain.chunk.ChunkId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Turns a chunk's record outcomes into its {@link ChunkResult}. Built once per batch (its pinned
 * service version's outputs, the batch's {@code output} selection and {@code unique_record_key}),
 * then used for every chunk: the selection is resolved here, once, never per record.
 *
 * <p>Shape rules (reference API): {@code outputs} starts with a header row, the unique record key
 * first when the batch has one, then the selected outputs in the service's order; each record's row
 * follows the header. When a chunk asks for a summary and the batch set neither {@code output} nor
 * {@code unique_record_key}, every row (header included) is {@code []}: only the summary counts.
 * {@code process_time} is in whole milliseconds, rounded up, so no computed record shows 0.
 */
public final class ChunkResultAssembler {

    private static final Long ZERO = 0L;

    private final String uniqueRecordKey;
    private final boolean keepsEveryOutput;
    private final String[] selected;
    private final List<Object> header;

    private ChunkResultAssembler(String uniqueRecordKey, boolean keepsEveryOutput, List<String> selected) {
        this.uniqueRecordKey = uniqueRecordKey;
        this.keepsEveryOutput = keepsEveryOutput;
        this.selected = selected.toArray(new String[0]);
        List<Object> names = new ArrayList<>(selected.size() + 1);
        if (uniqueRecordKey != null) {
            names.add(uniqueRecordKey);
        }
        names.addAll(selected);
        this.header = List.copyOf(names);
    }

    /**
     * @param serviceOutputs  the output names of the pinned service version, in its order
     * @param selection       the batch's {@code output}
     * @param uniqueRecordKey the batch's {@code unique_record_key}, or null
     */
    public static ChunkResultAssembler of(List<String> serviceOutputs, OutputSelection selection, String uniqueRecordKey) {
        return new ChunkResultAssembler(uniqueRecordKey, selection.keepsAll(), selection.select(serviceOutputs));
    }

    /**
     * @param outcomes one per record of {@code table}, in order
     * @throws InvalidRecordTableException when the unique record key is not a column of the table
     */
    public ChunkResult assemble(ChunkId id, RecordTable table, List<RecordOutcome> outcomes, ChunkSummary summary) {
        int records = table.recordCount();
        if (outcomes.size() != records) {
            throw new IllegalArgumentException("chunk " + id + " has " + records + " records but " + outcomes.size()
                    + " outcomes");
        }
        boolean suppressed = summary.isRequested() && keepsEveryOutput && uniqueRecordKey == null;
        int keyColumn = uniqueRecordKey == null ? -1 : table.requireColumn(uniqueRecordKey, "unique_record_key");
        SummaryAccumulator accumulator = new SummaryAccumulator(summary);
        Object[] rows = new Object[records + 1];
        Object[] warnings = new Object[records];
        Object[] errors = new Object[records];
        Long[] times = new Long[records];
        rows[0] = suppressed ? List.of() : header;
        for (int r = 0; r < records; r++) {
            RecordOutcome outcome = outcomes.get(r);
            rows[r + 1] = suppressed ? List.of() : row(table, r, keyColumn, outcome.outputs());
            warnings[r] = outcome.warnings().isEmpty() ? null : outcome.warnings();
            errors[r] = outcome.errors().isEmpty() ? null : outcome.errors();
            times[r] = millis(outcome.processTimeNanos());
            if (summary.isRequested()) {
                accumulator.add(outcome);
            }
        }
        return new ChunkResult(id, accumulator.summaryOutput(), view(rows), view(warnings), view(errors),
                Collections.unmodifiableList(Arrays.asList(times)));
    }

    /**
     * The result of a chunk that failed its last attempt: every record carries {@code error} and
     * no outputs, so no record silently disappears.
     */
    public ChunkResult assembleFailure(ChunkId id, RecordTable table, RecordError error, ChunkSummary summary) {
        RecordOutcome failed = new RecordOutcome(Map.of(), List.of(), List.of(error), 0);
        return assemble(id, table, Collections.nCopies(table.recordCount(), failed), summary);
    }

    private List<Object> row(RecordTable table, int record, int keyColumn, Map<String, Object> values) {
        Object[] row = new Object[header.size()];
        int at = 0;
        if (keyColumn >= 0) {
            row[at++] = table.value(record, keyColumn);
        }
        for (String output : selected) {
            row[at++] = values.get(output);
        }
        return Collections.unmodifiableList(Arrays.asList(row));
    }

    private static Long millis(long nanos) {
        return nanos <= 0 ? ZERO : Long.valueOf((nanos + 999_999) / 1_000_000);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> view(Object[] values) {
        return Collections.unmodifiableList(Arrays.asList((T[]) values));
    }
}
