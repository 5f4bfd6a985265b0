package io.sluice.adapters.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The alternative the engine replaced, measured in the same session: the sales example on a plain
 * XSSF workbook, inputs set on its cells and {@code notifyUpdateCell}, one workbook per thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
public class XssfBaselineBenchmark {

    @State(Scope.Thread)
    public static class Sheet {
        XSSFFormulaEvaluator evaluator;
        Cell price;
        Cell quantity;
        Cell tax;
        Cell total;
        Random random = new Random(42);

        @Setup
        public void open() throws IOException {
            XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(SampleWorkbooks.salesExample()));
            evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            var sheet = workbook.getSheet("Sales");
            price = sheet.getRow(0).getCell(1);
            quantity = sheet.getRow(1).getCell(1);
            tax = sheet.getRow(2).getCell(1);
            total = sheet.getRow(4).getCell(1);
        }
    }

    @Benchmark
    public double xssfNotifyUpdateCell(Sheet s) {
        s.price.setCellValue(Math.round(s.random.nextDouble() * 10_000) / 100.0);
        s.evaluator.notifyUpdateCell(s.price);
        s.quantity.setCellValue(1 + s.random.nextInt(20));
        s.evaluator.notifyUpdateCell(s.quantity);
        s.tax.setCellValue(s.random.nextInt(3) * 0.05);
        s.evaluator.notifyUpdateCell(s.tax);
        return s.evaluator.evaluate(s.total).getNumberValue();
    }
}
