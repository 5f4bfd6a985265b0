package io.sluice.adapters.excel;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.EvaluationSheet;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.udf.UDFFinder;

/** One thread's view of a frozen workbook: the master's cells, except for its own input cells. */
final class ForkWorkbook implements EvaluationWorkbook {

    private final FrozenWorkbook master;
    private final ForkSheet[] sheets;

    ForkWorkbook(FrozenWorkbook master) {
        this.master = master;
        this.sheets = new ForkSheet[master.sheetCount()];
        for (int i = 0; i < sheets.length; i++) {
            sheets[i] = new ForkSheet(master.sheet(i));
        }
    }

    ForkSheet sheet(int index) {
        return sheets[index];
    }

    @Override
    public String getSheetName(int sheetIndex) {
        return master.getSheetName(sheetIndex);
    }

    @Override
    public int getSheetIndex(EvaluationSheet sheet) {
        return master.getSheetIndex(sheet);
    }

    @Override
    public int getSheetIndex(String sheetName) {
        return master.getSheetIndex(sheetName);
    }

    @Override
    public EvaluationSheet getSheet(int sheetIndex) {
        return sheets[sheetIndex];
    }

    @Override
    public ExternalSheet getExternalSheet(int externSheetIndex) {
        return master.getExternalSheet(externSheetIndex);
    }

    @Override
    public ExternalSheet getExternalSheet(String firstSheetName, String lastSheetName, int externalWorkbookNumber) {
        return master.getExternalSheet(firstSheetName, lastSheetName, externalWorkbookNumber);
    }

    @Override
    public int convertFromExternSheetIndex(int externSheetIndex) {
        return master.convertFromExternSheetIndex(externSheetIndex);
    }

    @Override
    public ExternalName getExternalName(int externSheetIndex, int externNameIndex) {
        return master.getExternalName(externSheetIndex, externNameIndex);
    }

    @Override
    public ExternalName getExternalName(String nameName, String sheetName, int externalWorkbookNumber) {
        return master.getExternalName(nameName, sheetName, externalWorkbookNumber);
    }

    @Override
    public EvaluationName getName(NamePtg namePtg) {
        return master.getName(namePtg);
    }

    @Override
    public EvaluationName getName(String name, int sheetIndex) {
        return master.getName(name, sheetIndex);
    }

    @Override
    public String resolveNameXText(NameXPtg ptg) {
        return master.resolveNameXText(ptg);
    }

    @Override
    public Ptg[] getFormulaTokens(EvaluationCell cell) {
        return master.getFormulaTokens(cell);
    }

    @Override
    public UDFFinder getUDFFinder() {
        return master.getUDFFinder();
    }

    @Override
    public SpreadsheetVersion getSpreadsheetVersion() {
        return master.getSpreadsheetVersion();
    }

    @Override
    public void clearAllCachedResultValues() {
        // the evaluator's cache is cleared by the evaluator itself
    }
}
