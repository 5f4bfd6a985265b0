package io.sluice.adapters.excel.compiled

import org.apache.poi.ss.formula.eval.BlankEval
import org.apache.poi.ss.formula.eval.BoolEval
import org.apache.poi.ss.formula.eval.ErrorEval
import org.apache.poi.ss.formula.eval.NumberEval
import org.apache.poi.ss.formula.eval.StringEval
import org.apache.poi.ss.formula.eval.ValueEval
import org.apache.poi.ss.usermodel.Cell
import org.apache.poi.ss.usermodel.CellType
import org.apache.poi.ss.usermodel.CellValue
import org.apache.poi.ss.usermodel.FormulaEvaluator
import org.apache.poi.ss.usermodel.Workbook
import org.apache.poi.ss.util.CellReference

/** Apache POI's own evaluator over the same workbook, the reference the compiled plan must match. */
class PoiReference {

    private final Workbook workbook
    private final List<Cell> inputs
    private final List<Cell> outputs
    private final FormulaEvaluator evaluator

    PoiReference(Workbook workbook, List<CellReference> inputs, List<CellReference> outputs) {
        this.workbook = workbook
        this.inputs = inputs.collect { cell(it) }
        this.outputs = outputs.collect { cell(it) }
        this.evaluator = workbook.creationHelper.createFormulaEvaluator()
    }

    List<String> evaluate(List<Object> values) {
        values.eachWithIndex { v, i -> set(inputs[i], v) }
        evaluator.clearAllCachedResultValues()
        outputs.collect { canonical(evaluator.evaluate(it)) }
    }

    /** The compiled plan's answer for the same values, in the same canonical form. */
    static List<String> evaluate(CompiledPlan plan, Frame frame, List<Object> values) {
        values.eachWithIndex { v, i ->
            if (v == null) frame.setBlank(i)
            else if (v instanceof String) frame.setText(i, (String) v)
            else if (v instanceof Boolean) frame.setBoolean(i, (boolean) v)
            else frame.setNumber(i, (double) v)
        }
        plan.evaluate(frame)
        (0..<plan.outputCount()).collect { canonical(frame.output(it)) }
    }

    static String canonical(CellValue v) {
        if (v == null) return '_'
        switch (v.cellType) {
            case CellType.NUMERIC: return 'N' + Double.toString(v.numberValue)
            case CellType.STRING: return 'S' + v.stringValue
            case CellType.BOOLEAN: return 'B' + v.booleanValue
            case CellType.ERROR: return 'E' + ErrorEval.getText(v.errorValue)
            default: return '_'
        }
    }

    static String canonical(ValueEval v) {
        if (v instanceof NumberEval) return 'N' + Double.toString(v.numberValue)
        if (v instanceof StringEval) return 'S' + v.stringValue
        if (v instanceof BoolEval) return 'B' + v.booleanValue
        if (v instanceof ErrorEval) return 'E' + ErrorEval.getText(v.errorCode)
        assert v == BlankEval.instance
        '_'
    }

    private static void set(Cell cell, Object v) {
        if (v == null) cell.setBlank()
        else if (v instanceof String) cell.setCellValue((String) v)
        else if (v instanceof Boolean) cell.setCellValue((boolean) v)
        else cell.setCellValue((double) v)
    }

    private Cell cell(CellReference ref) {
        def sheet = workbook.getSheet(ref.sheetName)
        def row = sheet.getRow(ref.row) ?: sheet.createRow(ref.row)
        row.getCell(ref.col) ?: row.createCell(ref.col)
    }
}
