package io.sluice.adapters.excel;

import org.apache.poi.ss.usermodel.CellType;

/** A plain cell value, as written into an input cell. */
record CellValue(CellType type, double number, String text, boolean bool) {

    static final CellValue BLANK = new CellValue(CellType.BLANK, 0, "", false);

    static CellValue number(double value) {
        return new CellValue(CellType.NUMERIC, value, "", false);
    }

    static CellValue text(String value) {
        return new CellValue(CellType.STRING, 0, value, false);
    }

    static CellValue bool(boolean value) {
        return new CellValue(CellType.BOOLEAN, 0, "", value);
    }

    static CellValue of(FrozenCell cell) {
        return switch (cell.valueType()) {
            case NUMERIC -> number(cell.getNumericCellValue());
            case STRING -> text(cell.getStringCellValue());
            case BOOLEAN -> bool(cell.getBooleanCellValue());
            default -> BLANK;
        };
    }
}
