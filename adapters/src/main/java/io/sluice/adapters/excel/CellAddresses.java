package io.sluice.adapters.excel;

import org.apache.poi.ss.util.CellReference;

/** Cell addresses as people read them: {@code Sheet1!B3}. */
final class CellAddresses {

    private CellAddresses() {
    }

    static String of(FrozenWorkbook workbook, int sheet, int row, int column) {
        String name = workbook.getSheetName(sheet);
        return (name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "'" + name.replace("'", "''") + "'")
                + "!" + new CellReference(row, column).formatAsString(false);
    }
}
