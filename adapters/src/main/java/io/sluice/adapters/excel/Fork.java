package io.sluice.adapters.excel;

import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.IStabilityClassifier;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.formula.eval.BlankEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.usermodel.CellType;

import java.util.List;

/**
 * One thread's evaluator over a frozen master: its own input cells and its own POI
 * {@link WorkbookEvaluator}, whose cache keeps every formula result until an input it depends on
 * changes. Only constant non-input cells are declared final to POI; input and formula cells never
 * are, since POI stops tracking changes below a final cell.
 */
final class Fork {

    private final ForkWorkbook workbook;
    private final WorkbookEvaluator evaluator;
    private final InputCell[][][] inputCells;

    Fork(WorkbookModel model) {
        FrozenWorkbook master = model.master;
        this.workbook = new ForkWorkbook(master);
        IStabilityClassifier classifier = (sheet, row, column) -> {
            FrozenCell cell = master.sheet(sheet).cell(row, column);
            return cell == null || (!cell.isInput() && cell.getCellType() != CellType.FORMULA);
        };
        this.evaluator = new WorkbookEvaluator(workbook, classifier, null);
        List<Binding> inputs = model.inputs;
        this.inputCells = new InputCell[inputs.size()][][];
        for (int i = 0; i < inputs.size(); i++) {
            Binding in = inputs.get(i);
            int first = in.isTable() ? in.firstBodyRow() : in.area().getFirstRow();
            int rows = in.area().getLastRow() - first + 1;
            int columns = in.area().getLastColumn() - in.area().getFirstColumn() + 1;
            inputCells[i] = new InputCell[rows][columns];
            ForkSheet sheet = workbook.sheet(in.sheet());
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    FrozenCell masterCell = master.sheet(in.sheet()).cell(first + r, in.area().getFirstColumn() + c);
                    inputCells[i][r][c] = sheet.inputCell(masterCell);
                }
            }
        }
    }

    /** Rows (a single cell has one) and columns of input {@code input}. */
    InputCell[][] input(int input) {
        return inputCells[input];
    }

    /** Writes {@code value} into an input cell, telling POI only when the value changed. */
    void set(InputCell cell, CellValue value) {
        if (cell.set(value)) {
            evaluator.notifyUpdateCell(cell);
        }
    }

    /** The value of a cell, evaluating its formula (and what it depends on) when needed. */
    ValueEval evaluate(int sheet, int row, int column) {
        EvaluationCell cell = workbook.sheet(sheet).getCell(row, column);
        if (cell == null) {
            return BlankEval.instance;
        }
        return evaluator.evaluate(cell);
    }
}
