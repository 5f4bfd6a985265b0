package io.sluice.domain.service;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The inputs and outputs of one service version, in the order the workbook defines them.
 * Names are unique within inputs and within outputs, ignoring case.
 */
public record ServiceSchema(List<SchemaField> inputs, List<SchemaField> outputs) {

    public ServiceSchema {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        requireUnique("input", inputs);
        requireUnique("output", outputs);
    }

    private static void requireUnique(String kind, List<SchemaField> fields) {
        Set<String> seen = new HashSet<>();
        for (SchemaField field : fields) {
            if (!seen.add(field.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two " + kind + "s are named " + field.name());
            }
        }
    }

    public List<String> inputNames() {
        return inputs.stream().map(SchemaField::name).toList();
    }

    public List<String> outputNames() {
        return outputs.stream().map(SchemaField::name).toList();
    }

    public Optional<SchemaField> input(String name) {
        return inputs.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<SchemaField> output(String name) {
        return outputs.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
