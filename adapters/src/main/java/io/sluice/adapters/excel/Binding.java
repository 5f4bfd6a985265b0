package io.sluice.adapters.excel;

import io.sluice.domain.service.FieldType;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.List;

/**
 * Where one input or output lives: a single cell, or a table whose first row holds the column
 * names and whose further rows hold the records. {@code dateColumns} says which values are dates
 * (a single cell is column 0).
 */
record Binding(String name, String definedName, int sheet, CellRangeAddress area, FieldType type,
               List<String> columns, boolean[] dateColumns) {

    Binding {
        columns = List.copyOf(columns);
    }

    boolean isTable() {
        return type == FieldType.TABLE;
    }

    /** Rows of a table that hold records, below its header. */
    int bodyRows() {
        return area.getLastRow() - area.getFirstRow();
    }

    int firstBodyRow() {
        return area.getFirstRow() + 1;
    }
}
