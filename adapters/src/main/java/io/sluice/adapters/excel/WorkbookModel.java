package io.sluice.adapters.excel;

import io.sluice.application.port.InvalidWorkbookException;
import io.sluice.application.port.InvalidWorkbookException.WorkbookProblem;
import io.sluice.domain.service.FieldType;
import io.sluice.domain.service.SchemaField;
import io.sluice.domain.service.ServiceSchema;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A published workbook read once: its inputs and outputs (the defined names {@code Xinput_*} and
 * {@code Xoutput_*}, prefixes matched ignoring case) bound to cells, and the frozen master every
 * fork evaluates. Reading collects every problem instead of stopping at the first.
 */
final class WorkbookModel {

    static final String INPUT_PREFIX = "xinput_";
    static final String OUTPUT_PREFIX = "xoutput_";
    private static final int MAX_TABLE_CELLS = 1_000_000;

    final FrozenWorkbook master;
    final List<Binding> inputs;
    final List<Binding> outputs;
    final ServiceSchema schema;
    final List<WorkbookProblem> problems;
    final List<String> externalLinks;

    private WorkbookModel(FrozenWorkbook master, List<Binding> inputs, List<Binding> outputs, ServiceSchema schema,
                          List<WorkbookProblem> problems, List<String> externalLinks) {
        this.master = master;
        this.inputs = inputs;
        this.outputs = outputs;
        this.schema = schema;
        this.problems = problems;
        this.externalLinks = externalLinks;
    }

    /** Opens the bytes as an .xlsx workbook. */
    static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new InvalidWorkbookException("workbook", "the file is not an Excel .xlsx workbook (" + e.getMessage() + ")");
        }
    }

    /** Reads a workbook; {@link #problems} lists what is wrong with it (empty when nothing is). */
    static WorkbookModel read(byte[] bytes) {
        try (XSSFWorkbook workbook = open(bytes)) {
            return read(workbook);
        } catch (IOException e) {
            throw new InvalidWorkbookException("workbook", "the workbook cannot be read: " + e.getMessage());
        }
    }

    private static WorkbookModel read(XSSFWorkbook workbook) {
        List<WorkbookProblem> problems = new ArrayList<>();
        List<Binding> inputs = new ArrayList<>();
        List<Binding> outputs = new ArrayList<>();
        for (XSSFName name : workbook.getAllNames()) {
            String lower = name.getNameName().toLowerCase(Locale.ROOT);
            boolean input = lower.startsWith(INPUT_PREFIX);
            if (input || lower.startsWith(OUTPUT_PREFIX)) {
                Binding binding = bind(workbook, name, input, problems);
                if (binding != null) {
                    (input ? inputs : outputs).add(binding);
                }
            }
        }
        if (inputs.isEmpty()) {
            problems.add(new WorkbookProblem("workbook", "no input: define at least one name Xinput_<name> on a cell"));
        }
        if (outputs.isEmpty()) {
            problems.add(new WorkbookProblem("workbook", "no output: define at least one name Xoutput_<name> on a cell"));
        }
        Set<String> inputCells = new HashSet<>();
        for (Binding in : inputs) {
            for (int r = in.area().getFirstRow() + (in.isTable() ? 1 : 0); r <= in.area().getLastRow(); r++) {
                for (int c = in.area().getFirstColumn(); c <= in.area().getLastColumn(); c++) {
                    inputCells.add(FrozenWorkbook.cellKey(in.sheet(), r, c));
                }
            }
        }
        FrozenWorkbook master = FrozenWorkbook.freeze(workbook, inputCells);
        for (String problem : master.formulaProblems()) {
            int colon = problem.indexOf(": ");
            problems.add(new WorkbookProblem(problem.substring(0, colon), problem.substring(colon + 2)));
        }
        for (Binding in : inputs) {
            checkInputCells(master, in, problems);
        }
        ServiceSchema schema = null;
        try {
            schema = new ServiceSchema(fields(master, inputs, true), fields(master, outputs, false));
        } catch (IllegalArgumentException e) {
            problems.add(new WorkbookProblem("workbook", e.getMessage()));
        }
        List<String> links = workbook.getExternalLinksTables().stream().map(t -> {
            try {
                return t.getLinkedFileName();
            } catch (RuntimeException e) {
                return "an external workbook";
            }
        }).toList();
        return new WorkbookModel(master, List.copyOf(inputs), List.copyOf(outputs), schema, problems, links);
    }

    private static Binding bind(XSSFWorkbook workbook, XSSFName name, boolean input, List<WorkbookProblem> problems) {
        String definedName = name.getNameName();
        String apiName = definedName.substring((input ? INPUT_PREFIX : OUTPUT_PREFIX).length());
        if (apiName.isEmpty() || apiName.contains(".")) {
            problems.add(new WorkbookProblem(definedName, "the name after the prefix must be non-empty and hold no '.'"));
            return null;
        }
        String formula = name.getRefersToFormula();
        if (formula == null || formula.contains("#REF!") || !AreaReference.isContiguous(formula)) {
            problems.add(new WorkbookProblem(definedName, "must refer to one cell or one contiguous range, not " + formula));
            return null;
        }
        AreaReference area;
        try {
            area = new AreaReference(formula, SpreadsheetVersion.EXCEL2007);
        } catch (RuntimeException e) {
            problems.add(new WorkbookProblem(definedName, "must refer to one cell or one contiguous range, not " + formula));
            return null;
        }
        String sheetName = area.getFirstCell().getSheetName();
        int sheet = sheetName == null ? name.getSheetIndex() : workbook.getSheetIndex(sheetName);
        if (sheet < 0) {
            problems.add(new WorkbookProblem(definedName, "refers to no sheet of this workbook: " + formula));
            return null;
        }
        CellRangeAddress range = new CellRangeAddress(area.getFirstCell().getRow(), area.getLastCell().getRow(),
                area.getFirstCell().getCol(), area.getLastCell().getCol());
        XSSFSheet xs = workbook.getSheetAt(sheet);
        if (range.getNumberOfCells() == 1) {
            Cell cell = cellAt(xs, range.getFirstRow(), range.getFirstColumn());
            boolean date = isDate(cell);
            return new Binding(apiName, definedName, sheet, range, typeOf(cell, date), List.of(), new boolean[]{date});
        }
        return bindTable(xs, definedName, apiName, sheet, range, problems);
    }

    private static Binding bindTable(XSSFSheet xs, String definedName, String apiName, int sheet, CellRangeAddress range,
                                     List<WorkbookProblem> problems) {
        if (range.getNumberOfCells() > MAX_TABLE_CELLS || range.getFirstRow() == range.getLastRow()) {
            problems.add(new WorkbookProblem(definedName,
                    "a range is a table: a header row naming its columns and at least one row below, at most "
                            + MAX_TABLE_CELLS + " cells"));
            return null;
        }
        List<String> columns = new ArrayList<>();
        boolean[] dates = new boolean[range.getLastColumn() - range.getFirstColumn() + 1];
        for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
            Cell header = cellAt(xs, range.getFirstRow(), c);
            String column = header == null || header.getCellType() != CellType.STRING ? "" : header.getStringCellValue().trim();
            if (column.isEmpty() || columns.contains(column)) {
                problems.add(new WorkbookProblem(definedName,
                        "the header row of a table must name every column once; column " + (c - range.getFirstColumn() + 1)
                                + " is " + (column.isEmpty() ? "blank" : "'" + column + "' again")));
                return null;
            }
            columns.add(column);
            dates[c - range.getFirstColumn()] = isDate(cellAt(xs, range.getFirstRow() + 1, c));
        }
        return new Binding(apiName, definedName, sheet, range, FieldType.TABLE, columns, dates);
    }

    private static Cell cellAt(XSSFSheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(column);
    }

    private static boolean isDate(Cell cell) {
        if (cell == null) {
            return false;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell);
    }

    private static FieldType typeOf(Cell cell, boolean date) {
        if (cell == null) {
            return FieldType.ANY;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> date ? FieldType.DATE : FieldType.NUMBER;
            case STRING -> FieldType.TEXT;
            case BOOLEAN -> FieldType.BOOLEAN;
            default -> FieldType.ANY;
        };
    }

    private static void checkInputCells(FrozenWorkbook master, Binding in, List<WorkbookProblem> problems) {
        FrozenSheet sheet = master.sheet(in.sheet());
        for (int r = in.area().getFirstRow() + (in.isTable() ? 1 : 0); r <= in.area().getLastRow(); r++) {
            for (int c = in.area().getFirstColumn(); c <= in.area().getLastColumn(); c++) {
                FrozenCell cell = sheet.cell(r, c);
                if (cell != null && cell.getCellType() == CellType.FORMULA) {
                    problems.add(new WorkbookProblem(CellAddresses.of(master, in.sheet(), r, c),
                            "input " + in.definedName() + " holds a formula; an input cell holds a value (its default)"));
                    return;
                }
            }
        }
    }

    private static List<SchemaField> fields(FrozenWorkbook master, List<Binding> bindings, boolean input) {
        List<SchemaField> fields = new ArrayList<>();
        for (Binding b : bindings) {
            String sheet = master.getSheetName(b.sheet());
            String address = b.area().formatAsString();
            Object defaultValue = input ? defaultOf(master, b) : null;
            fields.add(new SchemaField(b.name(), sheet, address, b.type(), defaultValue, b.columns()));
        }
        return fields;
    }

    /** The value saved in an input's cells, as the APIs show it. */
    static Object defaultOf(FrozenWorkbook master, Binding b) {
        FrozenSheet sheet = master.sheet(b.sheet());
        if (!b.isTable()) {
            FrozenCell cell = sheet.cell(b.area().getFirstRow(), b.area().getFirstColumn());
            return cell == null ? null : ValueConversion.fromCell(CellValue.of(cell), b.dateColumns()[0]);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = b.firstBodyRow(); r <= b.area().getLastRow(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            boolean blank = true;
            for (int i = 0; i < b.columns().size(); i++) {
                FrozenCell cell = sheet.cell(r, b.area().getFirstColumn() + i);
                Object value = cell == null ? null : ValueConversion.fromCell(CellValue.of(cell), b.dateColumns()[i]);
                blank &= value == null || "".equals(value);
                row.put(b.columns().get(i), value);
            }
            rows.add(blank ? null : row);
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1) == null) {
            rows.remove(rows.size() - 1);
        }
        return rows.stream().map(row -> row == null ? new LinkedHashMap<String, Object>() : row).toList();
    }
}
