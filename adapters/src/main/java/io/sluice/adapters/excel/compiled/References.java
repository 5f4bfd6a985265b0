package io.sluice.adapters.excel.compiled;

import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.ptg.Area2DPtgBase;
import org.apache.poi.ss.formula.ptg.Area3DPtg;
import org.apache.poi.ss.formula.ptg.Area3DPxg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Ref3DPtg;
import org.apache.poi.ss.formula.ptg.Ref3DPxg;
import org.apache.poi.ss.formula.ptg.RefPtg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;

/**
 * Cell and range references of a formula, on its own sheet or another sheet of the same
 * workbook. References to other workbooks, to several sheets at once, and ranges too large to
 * hold as a table refuse the workbook.
 */
final class References {

    private static final int MAX_AREA_CELLS = 100_000;

    private final FormulaCompiler compiler;
    private final EvaluationWorkbook workbook;

    References(FormulaCompiler compiler, EvaluationWorkbook workbook) {
        this.compiler = compiler;
        this.workbook = workbook;
    }

    Node reference(Ptg ptg, int sheet) throws NotCompilableException {
        if (ptg instanceof RefPtg) {
            return cell(sheet, (RefPtgBase) ptg);
        } else if (ptg instanceof Ref3DPxg) {
            Ref3DPxg ref = (Ref3DPxg) ptg;
            return cell(sheet(ref.getExternalWorkbookNumber(), ref.getSheetName(), ref.getLastSheetName()), ref);
        } else if (ptg instanceof Ref3DPtg) {
            Ref3DPtg ref = (Ref3DPtg) ptg;
            return cell(externSheet(ref.getExternSheetIndex()), ref);
        } else if (ptg instanceof Area2DPtgBase) {
            return area(sheet, (AreaPtgBase) ptg);
        } else if (ptg instanceof Area3DPxg) {
            Area3DPxg area = (Area3DPxg) ptg;
            return area(sheet(area.getExternalWorkbookNumber(), area.getSheetName(), area.getLastSheetName()), area);
        } else if (ptg instanceof Area3DPtg) {
            Area3DPtg area = (Area3DPtg) ptg;
            return area(externSheet(area.getExternSheetIndex()), area);
        }
        throw new NotCompilableException("unsupported formula token " + ptg.getClass().getSimpleName());
    }

    private int sheet(int externalWorkbook, String name, String lastName) throws NotCompilableException {
        if (externalWorkbook > 0 || (lastName != null && !lastName.equals(name))) {
            throw new NotCompilableException("reference to another workbook or to several sheets");
        }
        int index = workbook.getSheetIndex(name);
        if (index < 0) {
            throw new NotCompilableException("reference to a missing sheet " + name);
        }
        return index;
    }

    private int externSheet(int externSheetIndex) throws NotCompilableException {
        if (workbook.getExternalSheet(externSheetIndex) != null) {
            throw new NotCompilableException("reference to another workbook");
        }
        return workbook.convertFromExternSheetIndex(externSheetIndex);
    }

    private Node cell(int sheet, RefPtgBase ref) throws NotCompilableException {
        FormulaCompiler.CellInfo info = compiler.cell(sheet, ref.getRow(), ref.getColumn());
        return new PoiCall.CellRef(info.slot, info.live, sheet, ref.getRow(), ref.getColumn());
    }

    private Node area(int sheet, AreaPtgBase area) throws NotCompilableException {
        int firstRow = area.getFirstRow();
        int lastRow = area.getLastRow();
        int firstColumn = area.getFirstColumn();
        int lastColumn = area.getLastColumn();
        long size = (long) (lastRow - firstRow + 1) * (lastColumn - firstColumn + 1);
        if (size > MAX_AREA_CELLS) {
            throw new NotCompilableException("range too large: " + area.toFormulaString());
        }
        int[] cells = new int[(int) size];
        boolean live = false;
        int i = 0;
        for (int row = firstRow; row <= lastRow; row++) {
            for (int column = firstColumn; column <= lastColumn; column++) {
                FormulaCompiler.CellInfo info = compiler.cell(sheet, row, column);
                live |= info.live;
                cells[i++] = info.slot;
            }
        }
        int[] bounds = {firstRow, firstColumn, lastRow, lastColumn};
        return new PoiCall.Area(compiler.newSlot(), live, bounds, cells, compiler.template());
    }
}
