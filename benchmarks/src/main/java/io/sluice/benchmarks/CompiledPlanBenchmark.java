package io.sluice.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.sluice.adapters.excel.compiled.CompiledPlan;
import io.sluice.adapters.excel.compiled.FormulaCompiler;
import io.sluice.adapters.excel.compiled.Frame;
import io.sluice.adapters.excel.compiled.NotCompilableException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second on one thread: one operation sets a record's inputs, evaluates every
 * output and reads it back. Records cycle through 1,024 varied rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class CompiledPlanBenchmark {

    private static final int ROWS = 1024;

    @Param({"sales", "orders"})
    public String workbook;

    @Param({"compiled", "poi"})
    public String engine;

    private Object[][] records;
    private int next;
    private CompiledPlan plan;
    private Frame frame;
    private FormulaEvaluator evaluator;
    private Cell[] inputCells;
    private Cell[] outputCells;

    @Setup
    public void setUp() throws NotCompilableException {
        Workbook wb = "sales".equals(workbook) ? BenchmarkWorkbooks.sales() : BenchmarkWorkbooks.orders();
        List<CellReference> inputs = BenchmarkWorkbooks.cells(wb, "Xinput_");
        List<CellReference> outputs = BenchmarkWorkbooks.cells(wb, "Xoutput_");
        records = "sales".equals(workbook) ? salesRecords() : orderRecords();
        if ("compiled".equals(engine)) {
            plan = FormulaCompiler.compile(wb, inputs, outputs);
            frame = plan.newFrame();
        } else {
            evaluator = wb.getCreationHelper().createFormulaEvaluator();
            inputCells = inputs.stream().map(ref -> cell(wb, ref)).toArray(Cell[]::new);
            outputCells = outputs.stream().map(ref -> cell(wb, ref)).toArray(Cell[]::new);
        }
    }

    @Benchmark
    public double record() {
        Object[] record = records[next];
        next = (next + 1) & (ROWS - 1);
        return plan != null ? compiled(record) : poi(record);
    }

    private double compiled(Object[] record) {
        for (int i = 0; i < record.length; i++) {
            Object v = record[i];
            if (v instanceof Double) {
                frame.setNumber(i, (Double) v);
            } else if (v instanceof String) {
                frame.setText(i, (String) v);
            } else {
                frame.setBoolean(i, (Boolean) v);
            }
        }
        plan.evaluate(frame);
        double sum = 0;
        for (int i = 0; i < plan.outputCount(); i++) {
            sum += frame.outputIsNumber(i) ? frame.outputNumber(i) : frame.output(i).hashCode();
        }
        return sum;
    }

    private double poi(Object[] record) {
        for (int i = 0; i < record.length; i++) {
            Object v = record[i];
            Cell cell = inputCells[i];
            if (v instanceof Double) {
                cell.setCellValue((Double) v);
            } else if (v instanceof String) {
                cell.setCellValue((String) v);
            } else {
                cell.setCellValue((Boolean) v);
            }
            evaluator.notifyUpdateCell(cell);
        }
        double sum = 0;
        for (Cell output : outputCells) {
            CellValue value = evaluator.evaluate(output);
            sum += value.getNumberValue() + value.hashCode();
        }
        return sum;
    }

    private static Object[][] salesRecords() {
        Random r = new Random(42);
        Object[][] rows = new Object[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            rows[i] = new Object[] {r.nextInt(100000) / 100.0, (double) (1 + r.nextInt(50)), r.nextInt(30) / 100.0};
        }
        return rows;
    }

    private static Object[][] orderRecords() {
        Random r = new Random(43);
        String[] codes = {"A1", "B2", "C3", "D4", "E5", "X9"};
        String[] customers = {"Acme Ltd", "Zeta", "Mo", "Norbert Co"};
        Object[][] rows = new Object[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            rows[i] = new Object[] {codes[r.nextInt(codes.length)], (double) r.nextInt(150),
                r.nextInt(100000) / 100.0, (double) (40000 + r.nextInt(8000)), customers[r.nextInt(customers.length)],
                r.nextBoolean()};
        }
        return rows;
    }

    private static Cell cell(Workbook wb, CellReference ref) {
        return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }
}
