package io.sluice.domain.service;

import java.util.Locale;

/**
 * The kind of value an input or output holds, read from the cell a workbook's author saved:
 * a number, a date (a number formatted as a date), text, a boolean, a table (a multi-cell range
 * whose first row names its columns, exchanged as a list of row objects) or, for a blank cell,
 * any scalar.
 */
public enum FieldType {
    NUMBER, DATE, TEXT, BOOLEAN, TABLE, ANY;

    /** The lower-case name the APIs show. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FieldType fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
