package io.sluice.adapters.excel;

import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationSheet;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * An immutable copy of one cell of a published workbook, its formula kept as parsed tokens.
 * Shared by every fork: nothing here changes after the workbook is frozen.
 */
final class FrozenCell implements EvaluationCell {

    private final FrozenSheet sheet;
    private final int row;
    private final int column;
    private final CellType type;
    private final CellType cachedType;
    private final double number;
    private final String text;
    private final boolean bool;
    private final int error;
    private final Ptg[] formula;
    private final CellRangeAddress arrayRange;
    private final boolean input;

    FrozenCell(FrozenSheet sheet, int row, int column, CellType type, CellType cachedType, double number, String text,
               boolean bool, int error, Ptg[] formula, CellRangeAddress arrayRange, boolean input) {
        this.sheet = sheet;
        this.row = row;
        this.column = column;
        this.type = type;
        this.cachedType = cachedType;
        this.number = number;
        this.text = text;
        this.bool = bool;
        this.error = error;
        this.formula = formula;
        this.arrayRange = arrayRange;
        this.input = input;
    }

    /** True when a record may change this cell: it belongs to an input. */
    boolean isInput() {
        return input;
    }

    /** Parsed formula tokens; null when the cell holds no formula or its formula could not be parsed. */
    Ptg[] formula() {
        return formula;
    }

    /** The type of the value this cell holds, or for a formula the type of Excel's cached result. */
    CellType valueType() {
        return type == CellType.FORMULA ? cachedType : type;
    }

    @Override
    public Object getIdentityKey() {
        return this;
    }

    @Override
    public EvaluationSheet getSheet() {
        return sheet;
    }

    @Override
    public int getRowIndex() {
        return row;
    }

    @Override
    public int getColumnIndex() {
        return column;
    }

    @Override
    public CellType getCellType() {
        return type;
    }

    @Override
    public double getNumericCellValue() {
        return number;
    }

    @Override
    public String getStringCellValue() {
        return text;
    }

    @Override
    public boolean getBooleanCellValue() {
        return bool;
    }

    @Override
    public int getErrorCellValue() {
        return error;
    }

    @Override
    public CellRangeAddress getArrayFormulaRange() {
        return arrayRange;
    }

    @Override
    public boolean isPartOfArrayFormulaGroup() {
        return arrayRange != null;
    }

    @Override
    public CellType getCachedFormulaResultType() {
        return cachedType;
    }
}
