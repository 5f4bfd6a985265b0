package io.sluice.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A computed chunk placed back in the input: its sequence, the input index of its first record,
 * the output column names and one row per record with that record's error (null when fine).
 */
public record CompletedChunk(long sequence, long firstRecord, List<String> columns, List<List<JsonNode>> rows,
                             List<JsonNode> errors) {

    public int size() {
        return rows.size();
    }

    /** Records of this chunk that came back with an error. */
    public long failures() {
        return errors.stream().filter(CompletedChunk::isError).count();
    }

    /** An error entry: an error object or a non-empty list of them; null or {@code []} is none. */
    static boolean isError(JsonNode error) {
        return error != null && !error.isNull() && !error.isMissingNode() && !(error.isArray() && error.isEmpty());
    }
}
