package io.sluice.domain.record;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one chunk, {@code data.inputs}: a header row naming the columns, then one row per
 * record. Validated once when built; after that every access is an index lookup.
 *
 * <p>Invariants: at least the header row; every column name a non-blank string, no name twice;
 * every record row exactly as wide as the header. The rows are kept as given, not copied: whoever
 * builds a table hands its lists over and must not change them afterwards.
 */
public final class RecordTable {

    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<? extends List<?>> inputs;

    private RecordTable(List<String> header, Map<String, Integer> columns, List<? extends List<?>> inputs) {
        this.header = header;
        this.columns = columns;
        this.inputs = inputs;
    }

    /**
     * @param inputs {@code data.inputs}: the header row followed by the record rows
     * @throws InvalidRecordTableException saying what is wrong and in which row
     */
    public static RecordTable of(List<? extends List<?>> inputs) {
        if (inputs == null || inputs.isEmpty() || inputs.get(0) == null) {
            throw new InvalidRecordTableException(0, "data.inputs needs a header row naming the columns");
        }
        List<?> headerRow = inputs.get(0);
        if (headerRow.isEmpty()) {
            throw new InvalidRecordTableException(0, "the header row data.inputs[0] is empty");
        }
        String[] names = new String[headerRow.size()];
        Map<String, Integer> columns = new HashMap<>(headerRow.size() * 2);
        for (int c = 0; c < names.length; c++) {
            if (!(headerRow.get(c) instanceof String name) || name.isBlank()) {
                throw new InvalidRecordTableException(0, "column " + c + " of the header row data.inputs[0] is not a name: "
                        + headerRow.get(c));
            }
            Integer earlier = columns.putIfAbsent(name, c);
            if (earlier != null) {
                throw new InvalidRecordTableException(0, "column '" + name + "' appears twice in the header row "
                        + "data.inputs[0], at " + earlier + " and " + c);
            }
            names[c] = name;
        }
        for (int r = 1; r < inputs.size(); r++) {
            List<?> row = inputs.get(r);
            if (row == null) {
                throw new InvalidRecordTableException(r, "data.inputs[" + r + "] is not a row of values");
            }
            if (row.size() != names.length) {
                throw new InvalidRecordTableException(r, "data.inputs[" + r + "] has " + row.size()
                        + " values but the header row has " + names.length + " columns");
            }
        }
        return new RecordTable(List.of(names), columns, inputs);
    }

    public List<String> header() {
        return header;
    }

    public int recordCount() {
        return inputs.size() - 1;
    }

    /** The column's position, or -1 when there is no such column. */
    public int columnIndex(String name) {
        Integer index = columns.get(name);
        return index == null ? -1 : index;
    }

    /**
     * @throws InvalidRecordTableException naming the column when it is missing
     */
    public int requireColumn(String name, String purpose) {
        int index = columnIndex(name);
        if (index < 0) {
            throw new InvalidRecordTableException(0, purpose + " '" + name + "' is not a column of data.inputs " + header);
        }
        return index;
    }

    /** The value of {@code column} in record {@code record} (0 is the first record). */
    public Object value(int record, int column) {
        return inputs.get(record + 1).get(column);
    }
}
