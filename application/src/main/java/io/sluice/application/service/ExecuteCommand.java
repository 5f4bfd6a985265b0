package io.sluice.application.service;

import io.sluice.domain.record.OutputSelection;
import io.sluice.domain.record.RecordTable;
import io.sluice.domain.tenant.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One synchronous call of a service (Execute API v4): the records to compute, given as a table
 * whose first row names the columns or as a list of objects, and which outputs to return.
 */
public record ExecuteCommand(Caller caller, ResolveServiceQuery service, List<Map<String, Object>> records,
                             OutputSelection output, String callPurpose, String sourceSystem, String correlationId) {

    public static final int MAX_RECORDS = 10_000;

    public ExecuteCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(service, "service");
        if (!caller.tenant().equals(service.tenant())) {
            throw new IllegalArgumentException("a caller executes services of its own tenant only");
        }
        if (records == null || records.isEmpty()) {
            throw new IllegalArgumentException("inputs must hold at least one record");
        }
        if (records.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("inputs holds " + records.size() + " records; one call takes at most "
                    + MAX_RECORDS + " (use a batch for more)");
        }
        records = List.copyOf(records);
        output = output == null ? OutputSelection.all() : output;
    }

    /**
     * The records of {@code inputs}: a table ({@code [[header...], [values...], ...]}), a list of
     * objects, or a single object.
     *
     * @throws IllegalArgumentException saying what is wrong with the shape
     */
    public static List<Map<String, Object>> recordsOf(Object inputs) {
        if (inputs instanceof Map<?, ?> single) {
            return List.of(record(single, 0));
        }
        if (!(inputs instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("inputs must be a table with a header row, or a list of objects");
        }
        if (list.get(0) instanceof List<?>) {
            return fromTable(list);
        }
        List<Map<String, Object>> records = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("inputs[" + i + "] is not an object; give every record as an object");
            }
            records.add(record(map, i));
        }
        return records;
    }

    private static List<Map<String, Object>> fromTable(List<?> rows) {
        List<List<?>> table = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            if (!(rows.get(r) instanceof List<?> row)) {
                throw new IllegalArgumentException("inputs[" + r + "] is not a row of values");
            }
            table.add(row);
        }
        RecordTable parsed = RecordTable.of(table);
        List<Map<String, Object>> records = new ArrayList<>(parsed.recordCount());
        for (int r = 0; r < parsed.recordCount(); r++) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int c = 0; c < parsed.header().size(); c++) {
                record.put(parsed.header().get(c), parsed.value(r, c));
            }
            records.add(record);
        }
        return records;
    }

    private static Map<String, Object> record(Map<?, ?> map, int index) {
        Map<String, Object> record = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("inputs[" + index + "] has a column that is not a name: " + key);
            }
            record.put(name, value);
        });
        return record;
    }
}
