package io.sluice.adapters.excel;

import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationSheet;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;

/** A fork's own, changeable copy of one input cell. */
final class InputCell implements EvaluationCell {

    private final ForkSheet sheet;
    private final int row;
    private final int column;
    private CellType type;
    private double number;
    private String text;
    private boolean bool;

    InputCell(ForkSheet sheet, FrozenCell master) {
        this.sheet = sheet;
        this.row = master.getRowIndex();
        this.column = master.getColumnIndex();
        this.type = master.valueType() == CellType.ERROR ? CellType.BLANK : master.valueType();
        this.number = master.getNumericCellValue();
        this.text = master.getStringCellValue();
        this.bool = master.getBooleanCellValue();
    }

    /** Sets the value; true when it differs from the one held, so that dependants must be recalculated. */
    boolean set(CellValue value) {
        if (value.type() == type && value.number() == number && value.bool() == bool
                && (type != CellType.STRING || value.text().equals(text))) {
            return false;
        }
        type = value.type();
        number = value.number();
        text = value.text();
        bool = value.bool();
        return true;
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
        return 0;
    }

    @Override
    public CellRangeAddress getArrayFormulaRange() {
        return null;
    }

    @Override
    public boolean isPartOfArrayFormulaGroup() {
        return false;
    }

    @Override
    public CellType getCachedFormulaResultType() {
        return type;
    }
}
