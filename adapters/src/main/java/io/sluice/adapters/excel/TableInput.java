package io.sluice.adapters.excel;

import io.sluice.domain.service.FieldType;

import java.util.List;
import java.util.Map;

/**
 * Writes a table input, given as a list of row objects keyed by column name, into the body rows
 * of its range; rows and columns the record leaves out become empty cells.
 */
final class TableInput {

    private TableInput() {
    }

    static void write(Fork fork, InputCell[][] cells, Binding in, Object value) {
        if (value != null && !(value instanceof List<?>)) {
            throw new IllegalArgumentException("expects a list of row objects with columns " + in.columns());
        }
        List<?> rows = value == null ? List.of() : (List<?>) value;
        if (rows.size() > cells.length) {
            throw new IllegalArgumentException("holds at most " + cells.length + " rows, not " + rows.size());
        }
        for (int r = 0; r < cells.length; r++) {
            Object row = r < rows.size() ? rows.get(r) : null;
            if (row != null && !(row instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("row " + r + " is not an object with columns " + in.columns());
            }
            Map<?, ?> fields = row == null ? Map.of() : (Map<?, ?>) row;
            for (int c = 0; c < cells[r].length; c++) {
                String column = in.columns().get(c);
                FieldType type = in.dateColumns()[c] ? FieldType.DATE : FieldType.ANY;
                try {
                    fork.set(cells[r][c], ValueConversion.toCell(fields.get(column), type));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("row " + r + " column " + column + " " + e.getMessage(), e);
                }
            }
        }
    }
}
