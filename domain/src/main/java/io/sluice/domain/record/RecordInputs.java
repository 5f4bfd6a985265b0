package io.sluice.domain.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs an engine gets for each record of a chunk: the record's columns that are inputs of the
 * service, plus {@code data.parameters}, which apply to every record. Worked out once per chunk; per
 * record it is a walk over a fixed list of slots, with no lookups by name.
 *
 * <p>Precedence: a record's own column wins over a parameter of the same name. Parameters are, as the
 * reference API puts it, input values that stay the same across the records, sent once instead of
 * repeated in every row; a value the client did put in the row is the more specific one, the way a
 * default gives way to an explicit value. Columns and parameters that are not inputs of the service
 * are ignored (the unique record key, for instance, is only echoed back).
 */
public final class RecordInputs {

    private final RecordTable table;
    private final List<String> names;
    private final int[] columnOf;
    private final Object[] constants;

    private RecordInputs(RecordTable table, List<String> names, int[] columnOf, Object[] constants) {
        this.table = table;
        this.names = names;
        this.columnOf = columnOf;
        this.constants = constants;
    }

    /**
     * @param parameters    {@code data.parameters}; null or empty when none were sent
     * @param serviceInputs the input names of the pinned service version
     */
    public static RecordInputs bind(RecordTable table, Map<String, ?> parameters, Set<String> serviceInputs) {
        List<String> names = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        List<Object> constants = new ArrayList<>();
        for (String column : table.header()) {
            if (serviceInputs.contains(column)) {
                names.add(column);
                columns.add(table.columnIndex(column));
                constants.add(null);
            }
        }
        if (parameters != null) {
            for (Map.Entry<String, ?> parameter : parameters.entrySet()) {
                if (serviceInputs.contains(parameter.getKey()) && table.columnIndex(parameter.getKey()) < 0) {
                    names.add(parameter.getKey());
                    columns.add(-1);
                    constants.add(parameter.getValue());
                }
            }
        }
        return new RecordInputs(table, List.copyOf(names), columns.stream().mapToInt(Integer::intValue).toArray(),
                constants.toArray());
    }

    public int recordCount() {
        return table.recordCount();
    }

    /** The input names, the same for every record of the chunk; slot {@code i} is {@code names().get(i)}. */
    public List<String> names() {
        return names;
    }

    /** The value of input slot {@code slot} for record {@code record} (0 is the first record). */
    public Object value(int record, int slot) {
        int column = columnOf[slot];
        return column >= 0 ? table.value(record, column) : constants[slot];
    }

    /**
     * The inputs of one record as an unmodifiable map in slot order, built without hashing: its
     * keys are {@link #names()} itself, the same objects for every record of the chunk.
     */
    public Map<String, Object> asMap(int record) {
        Object[] values = new Object[columnOf.length];
        for (int slot = 0; slot < values.length; slot++) {
            values[slot] = value(record, slot);
        }
        return new FixedKeyMap(names, values);
    }
}
