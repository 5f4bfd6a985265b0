package io.sluice.adapters.excel;

import io.sluice.application.port.InvalidWorkbookException;
import io.sluice.application.port.InvalidWorkbookException.WorkbookProblem;
import io.sluice.domain.service.ServiceSchema;
import org.apache.poi.ss.formula.atp.AnalysisToolPak;
import org.apache.poi.ss.formula.eval.BlankEval;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.FunctionEval;
import org.apache.poi.ss.formula.eval.NotImplementedException;
import org.apache.poi.ss.formula.eval.NotImplementedFunctionException;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.NameXPxg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.usermodel.CellType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a workbook may be published: it must read as a service (inputs, outputs, legal
 * names), link no other workbook, call only functions the engine evaluates, and, evaluated with its
 * default inputs, reproduce every value Excel cached in the file.
 */
final class WorkbookInspector {

    private static final double TOLERANCE = 1e-9;

    private WorkbookInspector() {
    }

    static ServiceSchema inspect(byte[] bytes) {
        WorkbookModel model = WorkbookModel.read(bytes);
        List<WorkbookProblem> problems = new ArrayList<>(model.problems);
        if (!model.externalLinks.isEmpty()) {
            problems.add(new WorkbookProblem("workbook", "links to other workbooks, which a service cannot reach: "
                    + String.join(", ", model.externalLinks)));
        }
        Map<String, String> unsupported = unsupportedFunctions(model.master);
        if (!unsupported.isEmpty()) {
            List<String> listed = new ArrayList<>();
            unsupported.forEach((function, cell) -> listed.add(function + " (first in " + cell + ")"));
            problems.add(new WorkbookProblem("workbook", "functions the engine cannot evaluate: " + String.join(", ", listed)));
        }
        if (problems.isEmpty()) {
            problems.addAll(selfCheck(model));
        }
        if (!problems.isEmpty()) {
            throw new InvalidWorkbookException(problems);
        }
        return model.schema;
    }

    /** Function name to the first cell calling it, for every function the engine cannot evaluate. */
    static Map<String, String> unsupportedFunctions(FrozenWorkbook master) {
        Collection<String> notBuiltIn = FunctionEval.getNotSupportedFunctionNames();
        Collection<String> notInToolPak = AnalysisToolPak.getNotSupportedFunctionNames();
        Map<String, String> found = new LinkedHashMap<>();
        for (int s = 0; s < master.sheetCount(); s++) {
            for (FrozenCell cell : master.sheet(s).cells()) {
                if (cell.formula() == null) {
                    continue;
                }
                for (Ptg ptg : cell.formula()) {
                    String function = null;
                    if (ptg instanceof AbstractFunctionPtg f && notBuiltIn.contains(f.getName())) {
                        function = f.getName();
                    } else if (ptg instanceof NameXPxg x && master.getName(x.getNameName(), -1) == null) {
                        String name = x.getNameName().toUpperCase(Locale.ROOT).replace("_XLFN.", "").replace("_XLWS.", "");
                        if (master.getUDFFinder().findFunction(x.getNameName()) == null || notInToolPak.contains(name)) {
                            function = name;
                        }
                    }
                    if (function != null) {
                        found.putIfAbsent(function, CellAddresses.of(master, s, cell.getRowIndex(), cell.getColumnIndex()));
                    }
                }
            }
        }
        return found;
    }

    private static List<WorkbookProblem> selfCheck(WorkbookModel model) {
        List<WorkbookProblem> problems = new ArrayList<>();
        Fork fork = new Fork(model);
        FrozenWorkbook master = model.master;
        Set<FrozenCell> exempt = VolatileCells.of(master);
        for (int s = 0; s < master.sheetCount(); s++) {
            for (FrozenCell cell : master.sheet(s).cells()) {
                if (cell.getCellType() != CellType.FORMULA) {
                    continue;
                }
                String address = CellAddresses.of(master, s, cell.getRowIndex(), cell.getColumnIndex());
                try {
                    ValueEval value = fork.evaluate(s, cell.getRowIndex(), cell.getColumnIndex());
                    if (!exempt.contains(cell) && !agrees(cell, value)) {
                        problems.add(new WorkbookProblem(address, "Excel saved " + cached(cell) + " but Sluice calculates "
                                + ValueConversion.fromEval(value, false)));
                    }
                } catch (NotImplementedException e) {
                    String function = e.getCause() instanceof NotImplementedFunctionException f ? f.getFunctionName() : null;
                    problems.add(new WorkbookProblem(address, function == null ? "cannot be evaluated: " + e.getMessage()
                            : "calls " + function + ", which the engine cannot evaluate"));
                } catch (RuntimeException | StackOverflowError e) {
                    problems.add(new WorkbookProblem(address, "the formula fails: " + e.getMessage()));
                }
            }
        }
        return problems;
    }

    private static boolean agrees(FrozenCell cell, ValueEval value) {
        CellType cached = cell.getCachedFormulaResultType();
        if (cached == CellType._NONE) {
            return true;
        }
        if (value instanceof NumberEval n) {
            double expected = cell.getNumericCellValue();
            return cached == CellType.NUMERIC && Math.abs(n.getNumberValue() - expected)
                    <= TOLERANCE * Math.max(1, Math.max(Math.abs(expected), Math.abs(n.getNumberValue())));
        }
        if (value instanceof StringEval t) {
            return cached == CellType.STRING && t.getStringValue().equals(cell.getStringCellValue());
        }
        if (value instanceof BoolEval b) {
            return cached == CellType.BOOLEAN && b.getBooleanValue() == cell.getBooleanCellValue();
        }
        if (value instanceof ErrorEval e) {
            return cached == CellType.ERROR && e.getErrorCode() == cell.getErrorCellValue();
        }
        return value instanceof BlankEval && (cached == CellType.BLANK
                || (cached == CellType.STRING && cell.getStringCellValue().isEmpty()));
    }

    private static Object cached(FrozenCell cell) {
        if (cell.getCachedFormulaResultType() == CellType.ERROR) {
            return ValueConversion.errorText(ErrorEval.valueOf(cell.getErrorCellValue()));
        }
        return ValueConversion.fromCell(CellValue.of(cell), false);
    }
}
