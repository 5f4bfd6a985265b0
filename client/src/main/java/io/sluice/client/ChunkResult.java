package io.sluice.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.UUID;

/**
 * One computed chunk: {@code outputs} is a table whose first row names the columns (the
 * unique record key first when the batch has one) and whose further rows are the records, in
 * the order they were submitted; {@code errors[i]} and {@code warnings[i]} are null for a
 * record that is fine.
 */
public record ChunkResult(
        UUID id,
        @JsonDeserialize(using = OutputTable.class) List<List<JsonNode>> outputs,
        List<JsonNode> warnings,
        List<JsonNode> errors,
        List<JsonNode> summaryOutput,
        List<Long> processTime) {

    public ChunkResult {
        outputs = outputs == null ? List.of() : outputs;
        warnings = warnings == null ? List.of() : warnings;
        errors = errors == null ? List.of() : errors;
        summaryOutput = summaryOutput == null ? List.of() : summaryOutput;
        processTime = processTime == null ? List.of() : processTime;
    }
}
