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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, POI-independent copy of a workbook's cells and names, every formula parsed once
 * into tokens. XSSF re-parses formula text and re-reads XML values on every evaluation; this
 * master does neither, and once frozen it is read by many forks at once without locks
 * (docs/adr/0004). It no longer refers to the XSSF workbook it was made from.
 */
final class FrozenWorkbook implements EvaluationWorkbook {

    private final FrozenSheet[] sheets;
    private final Map<String, Integer> sheetIndexByName;
    private final FrozenName[] names;
    private final UDFFinder udfFinder;
    private final List<String> formulaProblems;
    private final long cellCount;
    private final long tokenCount;

    private FrozenWorkbook(FrozenSheet[] sheets, FrozenName[] names, UDFFinder udfFinder, List<String> formulaProblems,
                           long cellCount, long tokenCount) {
        this.sheets = sheets;
        this.names = names;
        this.udfFinder = udfFinder;
        this.formulaProblems = List.copyOf(formulaProblems);
        this.cellCount = cellCount;
        this.tokenCount = tokenCount;
        this.sheetIndexByName = new HashMap<>();
        for (FrozenSheet sheet : sheets) {
            sheetIndexByName.put(sheet.name().toUpperCase(Locale.ROOT), sheet.index());
        }
    }

    /**
     * Copies {@code workbook}. Cells listed in {@code inputCells} (keys of {@link #cellKey}) are
     * marked as inputs and exist even when blank in the file.
     */
    static FrozenWorkbook freeze(XSSFWorkbook workbook, Set<String> inputCells) {
        XSSFEvaluationWorkbook parsing = XSSFEvaluationWorkbook.create(workbook);
        FrozenSheet[] sheets = new FrozenSheet[workbook.getNumberOfSheets()];
        List<String> problems = new ArrayList<>();
        long cells = 0;
        long tokens = 0;
        for (int s = 0; s < sheets.length; s++) {
            XSSFSheet source = workbook.getSheetAt(s);
            FrozenSheet sheet = new FrozenSheet(s, source.getSheetName());
            sheets[s] = sheet;
            for (Row row : source) {
                if (row.getZeroHeight()) {
                    sheet.hideRow(row.getRowNum());
                }
                for (Cell cell : row) {
                    FrozenCell frozen = freezeCell(parsing, sheet, cell, inputCells, problems);
                    sheet.put(frozen);
                    cells++;
                    tokens += frozen.formula() == null ? 0 : frozen.formula().length;
                }
            }
        }
        for (String key : inputCells) {
            String[] parts = key.split(":");
            FrozenSheet sheet = sheets[Integer.parseInt(parts[0])];
            int row = Integer.parseInt(parts[1]);
            int column = Integer.parseInt(parts[2]);
            if (sheet.cell(row, column) == null) {
                sheet.put(new FrozenCell(sheet, row, column, CellType.BLANK, CellType.BLANK, 0, "", false, 0, null, null, true));
            }
        }
        return new FrozenWorkbook(sheets, freezeNames(workbook, parsing), parsing.getUDFFinder(), problems, cells, tokens);
    }

    static String cellKey(int sheet, int row, int column) {
        return sheet + ":" + row + ":" + column;
    }

    private static FrozenCell freezeCell(XSSFEvaluationWorkbook parsing, FrozenSheet sheet, Cell cell,
                                         Set<String> inputCells, List<String> problems) {
        int r = cell.getRowIndex();
        int c = cell.getColumnIndex();
        boolean input = inputCells.contains(cellKey(sheet.index(), r, c));
        CellType type = cell.getCellType();
        CellType valueType = type == CellType.FORMULA ? cachedType(cell) : type;
        double number = valueType == CellType.NUMERIC ? cell.getNumericCellValue() : 0;
        String text = valueType == CellType.STRING ? cell.getStringCellValue() : "";
        boolean bool = valueType == CellType.BOOLEAN && cell.getBooleanCellValue();
        int error = valueType == CellType.ERROR ? cell.getErrorCellValue() : 0;
        Ptg[] formula = null;
        CellRangeAddress arrayRange = null;
        if (type == CellType.FORMULA) {
            try {
                formula = parsing.getFormulaTokens(parsing.getSheet(sheet.index()).getCell(r, c));
                arrayRange = cell.isPartOfArrayFormulaGroup() ? cell.getArrayFormulaRange() : null;
            } catch (RuntimeException e) {
                problems.add(sheet.name() + "!" + cell.getAddress() + ": the formula cannot be read: " + e.getMessage());
            }
        }
        return new FrozenCell(sheet, r, c, type, valueType, number, text, bool, error, formula, arrayRange, input);
    }

    /** The type of Excel's cached result, {@link CellType#_NONE} when the file holds none. */
    private static CellType cachedType(Cell cell) {
        if (cell instanceof org.apache.poi.xssf.usermodel.XSSFCell xssf && !xssf.getCTCell().isSetV()) {
            return CellType._NONE;
        }
        return cell.getCachedFormulaResultType();
    }

    private static FrozenName[] freezeNames(XSSFWorkbook workbook, XSSFEvaluationWorkbook parsing) {
        FrozenName[] names = new FrozenName[workbook.getNumberOfNames()];
        for (int i = 0; i < names.length; i++) {
            XSSFName name = workbook.getAllNames().get(i);
            EvaluationName parsed = parsing.getName(new NamePtg(i));
            Ptg[] definition = null;
            if (parsed.hasFormula()) {
                try {
                    definition = parsed.getNameDefinition();
                } catch (RuntimeException e) {
                    definition = null;
                }
            }
            names[i] = new FrozenName(i, name.getNameName(), name.getSheetIndex(), name.isFunctionName(), definition);
        }
        return names;
    }

    FrozenSheet sheet(int index) {
        return sheets[index];
    }

    int sheetCount() {
        return sheets.length;
    }

    /** Formulas that could not be parsed, as {@code Sheet!A1: why}. */
    List<String> formulaProblems() {
        return formulaProblems;
    }

    /** A rough estimate of the heap this copy holds. */
    long estimatedBytes() {
        return 4096 + cellCount * 96 + tokenCount * 40 + names.length * 128L;
    }

    @Override
    public String getSheetName(int sheetIndex) {
        return sheets[sheetIndex].name();
    }

    @Override
    public int getSheetIndex(EvaluationSheet sheet) {
        return sheet instanceof SheetIndexed indexed ? indexed.index() : -1;
    }

    @Override
    public int getSheetIndex(String sheetName) {
        Integer index = sheetIndexByName.get(sheetName.toUpperCase(Locale.ROOT));
        return index == null ? -1 : index;
    }

    @Override
    public EvaluationSheet getSheet(int sheetIndex) {
        return sheets[sheetIndex];
    }

    @Override
    public ExternalSheet getExternalSheet(int externSheetIndex) {
        throw new IllegalStateException("HSSF-style external references are not supported for XSSF");
    }

    @Override
    public ExternalSheet getExternalSheet(String firstSheetName, String lastSheetName, int externalWorkbookNumber) {
        if (externalWorkbookNumber > 0) {
            throw new IllegalStateException("references to other workbooks are not supported");
        }
        if (lastSheetName == null || lastSheetName.equals(firstSheetName)) {
            return new ExternalSheet(null, firstSheetName);
        }
        return new ExternalSheetRange(null, firstSheetName, lastSheetName);
    }

    @Override
    public int convertFromExternSheetIndex(int externSheetIndex) {
        return externSheetIndex;
    }

    @Override
    public ExternalName getExternalName(int externSheetIndex, int externNameIndex) {
        throw new IllegalStateException("HSSF-style external references are not supported for XSSF");
    }

    @Override
    public ExternalName getExternalName(String nameName, String sheetName, int externalWorkbookNumber) {
        if (externalWorkbookNumber > 0) {
            throw new IllegalStateException("references to other workbooks are not supported");
        }
        for (FrozenName name : names) {
            if (name.text().equalsIgnoreCase(nameName)) {
                return new ExternalName(nameName, name.index(), 0);
            }
        }
        return new ExternalName(nameName, -1, 0);
    }

    @Override
    public EvaluationName getName(NamePtg namePtg) {
        return names[namePtg.getIndex()];
    }

    @Override
    public EvaluationName getName(String name, int sheetIndex) {
        for (FrozenName candidate : names) {
            if (candidate.text().equalsIgnoreCase(name)
                    && (candidate.sheetIndex() == -1 || candidate.sheetIndex() == sheetIndex)) {
                return candidate;
            }
        }
        return sheetIndex == -1 ? null : getName(name, -1);
    }

    @Override
    public String resolveNameXText(NameXPtg ptg) {
        int index = ptg.getNameIndex();
        return index >= 0 && index < names.length ? names[index].text() : null;
    }

    @Override
    public Ptg[] getFormulaTokens(EvaluationCell cell) {
        Ptg[] tokens = cell instanceof FrozenCell frozen ? frozen.formula() : null;
        if (tokens == null) {
            throw new IllegalStateException("the formula of " + getSheetName(getSheetIndex(cell.getSheet())) + "!"
                    + new org.apache.poi.ss.util.CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString()
                    + " cannot be evaluated");
        }
        return tokens;
    }

    @Override
    public UDFFinder getUDFFinder() {
        return udfFinder;
    }

    @Override
    public SpreadsheetVersion getSpreadsheetVersion() {
        return SpreadsheetVersion.EXCEL2007;
    }

    @Override
    public void clearAllCachedResultValues() {
        // immutable: nothing cached here
    }
}
