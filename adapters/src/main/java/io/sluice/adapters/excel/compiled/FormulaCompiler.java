package io.sluice.adapters.excel.compiled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFEvaluationWorkbook;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationSheet;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Compiles the formulas of a workbook, once per version, into a {@link CompiledPlan}: starting
 * from the requested outputs it follows references down to the inputs, translates each formula
 * cell's POI tokens into nodes, computes once every cell no input reaches, and keeps in
 * dependency order only the formula cells that an input reaches.
 *
 * <p>Not thread-safe; one compiler per compilation.
 */
public final class FormulaCompiler {

    private final EvaluationWorkbook workbook;
    private final Map<Long, CellInfo> cells = new HashMap<>();
    private final List<CompiledPlan.Step> steps = new ArrayList<>();
    private final Expressions expressions;
    private Frame template = new Frame(null, new byte[64], new double[64], new Object[64]);
    private int slotCount;

    private FormulaCompiler(Workbook workbook) throws NotCompilableException {
        if (workbook instanceof XSSFWorkbook) {
            this.workbook = XSSFEvaluationWorkbook.create((XSSFWorkbook) workbook);
        } else if (workbook instanceof HSSFWorkbook) {
            this.workbook = HSSFEvaluationWorkbook.create((HSSFWorkbook) workbook);
        } else {
            throw new NotCompilableException("unsupported workbook type " + workbook.getClass().getSimpleName());
        }
        this.expressions = new Expressions(this, this.workbook);
    }

    /**
     * Compiles the plan computing {@code outputs} from {@code inputs}; both are single cells with
     * their sheet named. The workbook is only read, and not retained by the plan.
     */
    public static CompiledPlan compile(Workbook workbook, List<CellReference> inputs, List<CellReference> outputs)
            throws NotCompilableException {
        FormulaCompiler compiler = new FormulaCompiler(workbook);
        int[] inputSlots = new int[inputs.size()];
        for (int i = 0; i < inputSlots.length; i++) {
            inputSlots[i] = compiler.input(compiler.sheetIndex(inputs.get(i)), inputs.get(i));
        }
        int[] outputSlots = new int[outputs.size()];
        for (int i = 0; i < outputSlots.length; i++) {
            CellReference output = outputs.get(i);
            outputSlots[i] = compiler.cell(compiler.sheetIndex(output), output.getRow(), output.getCol()).slot;
        }
        Frame frame = compiler.template;
        int n = compiler.slotCount;
        Frame exact = new Frame(null, Arrays.copyOf(frame.tag, n), Arrays.copyOf(frame.num, n),
                Arrays.copyOf(frame.obj, n));
        return new CompiledPlan(exact, inputSlots, outputSlots, compiler.steps);
    }

    private int sheetIndex(CellReference ref) throws NotCompilableException {
        int index = ref.getSheetName() == null ? -1 : workbook.getSheetIndex(ref.getSheetName());
        if (index < 0) {
            throw new NotCompilableException("no sheet for " + ref.formatAsString());
        }
        return index;
    }

    /** The cells' state during compilation. */
    static final class CellInfo {
        final int slot;
        boolean live;
        boolean inProgress;

        CellInfo(int slot) {
            this.slot = slot;
        }
    }

    private int input(int sheet, CellReference ref) throws NotCompilableException {
        long key = key(sheet, ref.getRow(), ref.getCol());
        CellInfo existing = cells.get(key);
        if (existing != null) {
            return existing.slot;
        }
        CellInfo info = new CellInfo(newSlot());
        info.live = true;
        cells.put(key, info);
        EvaluationCell cell = evaluationCell(sheet, ref.getRow(), ref.getCol());
        CellType type = cell == null ? CellType.BLANK : cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        storeValue(info.slot, cell, type);
        return info.slot;
    }

    /** Compiles (once) the cell at the given position and everything it depends on. */
    CellInfo cell(int sheet, int row, int column) throws NotCompilableException {
        long key = key(sheet, row, column);
        CellInfo info = cells.get(key);
        if (info != null) {
            if (info.inProgress) {
                throw new NotCompilableException("circular reference at " + describe(sheet, row, column));
            }
            return info;
        }
        info = new CellInfo(newSlot());
        cells.put(key, info);
        EvaluationCell cell = evaluationCell(sheet, row, column);
        if (cell == null || cell.getCellType() != CellType.FORMULA) {
            storeValue(info.slot, cell, cell == null ? CellType.BLANK : cell.getCellType());
            return info;
        }
        if (cell.isPartOfArrayFormulaGroup()) {
            throw new NotCompilableException("array formula at " + describe(sheet, row, column));
        }
        info.inProgress = true;
        Node root = expressions.compile(workbook.getFormulaTokens(cell), sheet, row, column);
        info.inProgress = false;
        info.live = root.live;
        if (info.live) {
            steps.add(new CompiledPlan.Step(fold(root), info.slot));
        } else {
            evaluateOnce(root);
            CompiledPlan.storeFormulaResult(template, root.slot, info.slot);
        }
        return info;
    }

    private EvaluationCell evaluationCell(int sheet, int row, int column) {
        EvaluationSheet evaluationSheet = workbook.getSheet(sheet);
        return evaluationSheet.getCell(row, column);
    }

    private void storeValue(int slot, EvaluationCell cell, CellType type) throws NotCompilableException {
        switch (type) {
            case NUMERIC -> template.setNumberSlot(slot, cell.getNumericCellValue());
            case STRING -> template.setTextSlot(slot, cell.getStringCellValue());
            case BOOLEAN -> {
                template.tag[slot] = Frame.BOOL;
                template.num[slot] = cell.getBooleanCellValue() ? 1 : 0;
            }
            case ERROR -> template.setError(slot, cell.getErrorCellValue());
            case BLANK -> template.tag[slot] = Frame.BLANK;
            default -> throw new NotCompilableException("unexpected cell type " + type);
        }
    }

    /** Replaces every sub-expression that no input reaches by its value, computed now. */
    private Node fold(Node node) throws NotCompilableException {
        if (node instanceof Node.Slot || node instanceof PoiCall.CellRef || node instanceof PoiCall.Area
                || node instanceof PoiCall.Missing) {
            return node;
        }
        if (!node.live) {
            evaluateOnce(node);
            return new Node.Slot(node.slot, false);
        }
        for (int i = 0; i < node.args.length; i++) {
            node.args[i] = fold(node.args[i]);
        }
        return node;
    }

    private void evaluateOnce(Node node) throws NotCompilableException {
        try {
            node.eval(template);
        } catch (RuntimeException e) {
            throw new NotCompilableException("constant expression failed: " + e);
        }
    }

    int newSlot() {
        if (slotCount == template.tag.length) {
            int size = slotCount * 2;
            template = new Frame(null, Arrays.copyOf(template.tag, size), Arrays.copyOf(template.num, size),
                    Arrays.copyOf(template.obj, size));
        }
        int slot = slotCount++;
        template.tag[slot] = Frame.BLANK;
        return slot;
    }

    /** The frame holding constants and the values of cells no input reaches, as computed so far. */
    Frame template() {
        return template;
    }

    private static long key(int sheet, int row, int column) {
        return ((long) sheet << 36) | ((long) row << 16) | column;
    }

    private String describe(int sheet, int row, int column) {
        return workbook.getSheetName(sheet) + "!" + new CellReference(row, column).formatAsString();
    }
}
