package io.sluice.domain.service;

import java.util.List;
import java.util.Objects;

/**
 * One input or output of a service: the name the APIs use, where it lives in the workbook
 * ({@code sheet} and {@code address}, such as {@code B2} or {@code A10:C15}), its type and, for an
 * input, the default a record gets when it leaves the input out. A {@link FieldType#TABLE} field
 * lists its column names, read from the first row of its range.
 *
 * @param defaultValue a JSON-like value (Number, String, Boolean, null, or a list of row maps)
 */
public record SchemaField(String name, String sheet, String address, FieldType type, Object defaultValue,
                          List<String> columns) {

    public SchemaField {
        if (name == null || name.isBlank() || name.contains(".")) {
            throw new IllegalArgumentException("a field name is non-blank and holds no '.': " + name);
        }
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        columns = List.copyOf(columns);
        if (type == FieldType.TABLE && columns.isEmpty()) {
            throw new IllegalArgumentException("table field " + name + " needs its column names");
        }
    }

    public static SchemaField cell(String name, String sheet, String address, FieldType type, Object defaultValue) {
        return new SchemaField(name, sheet, address, type, defaultValue, List.of());
    }
}
