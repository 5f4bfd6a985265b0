package io.sluice.application.chunk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One chunk as a client posted it: {@code data.inputs} split into the header row ({@code columns})
 * and the records ({@code rows}, each exactly as wide as the header), the {@code parameters}
 * shared by every record, and the optional per-chunk {@code summary}. Cells are scalars only:
 * null, Boolean, Long, Double or String.
 */
public record ChunkInput(UUID id, List<String> columns, List<Object[]> rows, Map<String, Object> parameters,
                         SummarySpec summary) {

    public ChunkInput {
        Objects.requireNonNull(id, "chunk id");
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(rows);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length != columns.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + rows.get(i).length
                        + " values but the header names " + columns.size() + " columns");
            }
        }
    }

    public int recordCount() {
        return rows.size();
    }
}
