package io.sluice.domain.record;

import io.sluice.domain.chunk.ChunkId;

import java.util.List;
import java.util.Objects;

/**
 * One computed chunk as the client fetches it ({@code chunkresults}), in the shape of the
 * reference API. The per-record lists are parallel: entry {@code i} of {@code warnings},
 * {@code errors} and {@code processTimeMillis} belongs to record {@code i}, which is row
 * {@code i + 1} of {@code outputs} (row 0 is the header).
 *
 * @param summaryOutput     {@code summary_output}: {@code [[[names], [values]]]}, or {@code [[]]}
 * @param outputs           header row, then one row per record (each {@code []} when records are suppressed)
 * @param warnings          per record, null when it has none
 * @param errors            per record, null when it has none
 * @param processTimeMillis per record, {@code process_time}
 */
public record ChunkResult(ChunkId id, List<Object> summaryOutput, List<List<Object>> outputs,
                          List<List<Warning>> warnings, List<List<RecordError>> errors,
                          List<Long> processTimeMillis) {

    public ChunkResult {
        Objects.requireNonNull(id, "id");
        int records = processTimeMillis.size();
        if (outputs.size() != records + 1 || warnings.size() != records || errors.size() != records) {
            throw new IllegalArgumentException("a chunk result has a header row plus one entry per record in every list");
        }
    }

    public int recordCount() {
        return processTimeMillis.size();
    }

    /** Records that came back with at least one error. */
    public int recordsWithErrors() {
        int count = 0;
        for (List<RecordError> recordErrors : errors) {
            if (recordErrors != null) {
                count++;
            }
        }
        return count;
    }
}
