package io.sluice.adapters.rest.batch;

import io.sluice.application.chunk.ChunkInput;
import io.sluice.application.chunk.SummarySpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Collects the parts of one chunk while a body is parsed (JSON or BSON alike) and checks them,
 * so that both formats refuse the same mistakes with the same words.
 */
final class ChunkAssembler {

    private final int index;
    private UUID id;
    private boolean idSeen;
    private List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private SummarySpec summary = SummarySpec.NONE;
    private Long size;

    ChunkAssembler(int index) {
        this.index = index;
    }

    int index() {
        return index;
    }

    void id(String text) {
        idSeen = true;
        if (text == null) {
            throw InvalidChunksException.at(index, "id must be a UUID string");
        }
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException(text);
            }
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw InvalidChunksException.at(index, "id '" + text + "' is not a UUID");
        }
    }

    void header(List<String> names) {
        if (names.isEmpty()) {
            throw InvalidChunksException.atRow(index, 0, "the header row names no columns");
        }
        columns = names;
    }

    /** How many columns the header names (0 before the header). */
    int width() {
        return columns == null ? 0 : columns.size();
    }

    boolean hasHeader() {
        return columns != null;
    }

    void row(Object[] values, int rowNumber) {
        if (values.length != columns.size()) {
            throw InvalidChunksException.atRow(index, rowNumber, "has " + values.length
                    + " values but the header row names " + columns.size() + " columns");
        }
        rows.add(values);
    }

    void parameter(String name, Object value) {
        parameters.put(name, value);
    }

    void summary(SummarySpec spec) {
        summary = spec;
    }

    void size(long declared) {
        size = declared;
    }

    ChunkInput build() {
        if (!idSeen) {
            throw InvalidChunksException.at(index, "id is missing");
        }
        if (columns == null) {
            throw InvalidChunksException.at(index, "data.inputs is missing: it must be a table whose first row names the columns");
        }
        if (size != null && size != rows.size()) {
            throw InvalidChunksException.at(index, "size says " + size + " records but data.inputs holds " + rows.size());
        }
        return new ChunkInput(id, columns, rows, parameters, summary);
    }
}
