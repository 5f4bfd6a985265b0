package io.sluice.adapters.excel;

import io.sluice.adapters.excel.compiled.CompiledPlan;
import io.sluice.adapters.excel.compiled.FormulaCompiler;
import io.sluice.adapters.excel.compiled.NotCompilableException;
import io.sluice.application.port.CalculationKey;
import io.sluice.application.port.PreparedCalculation;
import io.sluice.application.port.RecordEvaluator;
import io.sluice.domain.service.ServiceSchema;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A version whose formulas are compiled into one {@link CompiledPlan} covering every output:
 * single cells and every body cell of table inputs and outputs are slots of the plan. Each
 * evaluator owns a frame of that plan.
 */
final class CompiledPreparedCalculation implements PreparedCalculation {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledPreparedCalculation.class);
    private static final long BYTES_PER_SLOT = 64;
    private static final long COMPILER_STACK_BYTES = 256L * 1024 * 1024;

    private final CalculationKey key;
    private final WorkbookModel model;
    private final CompiledPlan plan;
    private final long estimatedBytes;

    private CompiledPreparedCalculation(CalculationKey key, WorkbookModel model, CompiledPlan plan, long workbookBytes) {
        this.key = key;
        this.model = model;
        this.plan = plan;
        this.estimatedBytes = model.master.estimatedBytes() + workbookBytes + BYTES_PER_SLOT * plan.slotCount();
    }

    /**
     * The compiled calculation of the workbook, or null when it must be left to the POI engine.
     * Compiling follows formula chains recursively, so it runs on its own thread with a deep stack.
     */
    static CompiledPreparedCalculation compile(CalculationKey key, WorkbookModel model, byte[] bytes) {
        FutureTask<CompiledPreparedCalculation> task = new FutureTask<>(() -> compileHere(key, model, bytes));
        Thread compiler = new Thread(null, task, "sluice-compiler", COMPILER_STACK_BYTES);
        compiler.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            LOG.warn("Version {} is evaluated by Apache POI: compiling failed", key, e.getCause());
            return null;
        }
    }

    private static CompiledPreparedCalculation compileHere(CalculationKey key, WorkbookModel model, byte[] bytes) {
        try (XSSFWorkbook workbook = WorkbookModel.open(bytes)) {
            String[] sheetNames = new String[workbook.getNumberOfSheets()];
            for (int i = 0; i < sheetNames.length; i++) {
                sheetNames[i] = workbook.getSheetName(i);
            }
            CompiledPlan plan = FormulaCompiler.compile(workbook, cells(model.inputs, sheetNames),
                    cells(model.outputs, sheetNames));
            return new CompiledPreparedCalculation(key, model, plan, bytes.length);
        } catch (NotCompilableException e) {
            LOG.info("Version {} is evaluated by Apache POI: {}", key, e.getMessage());
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The plan's inputs (or outputs): each single cell, and each body cell of a table row by row. */
    private static List<CellReference> cells(List<Binding> bindings, String[] sheetNames) {
        List<CellReference> cells = new ArrayList<>();
        for (Binding b : bindings) {
            int firstRow = b.isTable() ? b.firstBodyRow() : b.area().getFirstRow();
            for (int r = firstRow; r <= b.area().getLastRow(); r++) {
                for (int c = b.area().getFirstColumn(); c <= b.area().getLastColumn(); c++) {
                    cells.add(new CellReference(sheetNames[b.sheet()], r, c, false, false));
                }
            }
        }
        return cells;
    }

    @Override
    public CalculationKey key() {
        return key;
    }

    @Override
    public ServiceSchema schema() {
        return model.schema;
    }

    @Override
    public long estimatedBytes() {
        return estimatedBytes;
    }

    @Override
    public RecordEvaluator newEvaluator() {
        return new CompiledRecordEvaluator(model, plan);
    }
}
