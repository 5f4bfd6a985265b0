package io.sluice.adapters.excel;

import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationSheet;

/** A fork's view of one sheet: its own input cells over the shared frozen cells. */
final class ForkSheet implements EvaluationSheet, SheetIndexed {

    private final FrozenSheet master;
    private InputCell[][] inputs = new InputCell[0][];

    ForkSheet(FrozenSheet master) {
        this.master = master;
    }

    /** This fork's copy of the input cell at the master cell's position, made on first use. */
    InputCell inputCell(FrozenCell masterCell) {
        int r = masterCell.getRowIndex();
        int c = masterCell.getColumnIndex();
        if (r >= inputs.length) {
            InputCell[][] grown = new InputCell[r + 1][];
            System.arraycopy(inputs, 0, grown, 0, inputs.length);
            inputs = grown;
        }
        if (inputs[r] == null || c >= inputs[r].length) {
            InputCell[] grown = new InputCell[c + 1];
            if (inputs[r] != null) {
                System.arraycopy(inputs[r], 0, grown, 0, inputs[r].length);
            }
            inputs[r] = grown;
        }
        if (inputs[r][c] == null) {
            inputs[r][c] = new InputCell(this, masterCell);
        }
        return inputs[r][c];
    }

    @Override
    public int index() {
        return master.index();
    }

    @Override
    public EvaluationCell getCell(int rowIndex, int columnIndex) {
        if (rowIndex < inputs.length) {
            InputCell[] row = inputs[rowIndex];
            if (row != null && columnIndex < row.length && row[columnIndex] != null) {
                return row[columnIndex];
            }
        }
        return master.cell(rowIndex, columnIndex);
    }

    @Override
    public void clearAllCachedResultValues() {
        // nothing cached here
    }

    @Override
    public int getLastRowNum() {
        return master.getLastRowNum();
    }

    @Override
    public boolean isRowHidden(int rowIndex) {
        return master.isRowHidden(rowIndex);
    }
}
