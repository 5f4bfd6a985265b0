package io.sluice.benchmarks.peer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.file.FlatFileItemReader;
import org.springframework.batch.item.file.FlatFileItemWriter;
import org.springframework.batch.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.batch.item.support.SynchronizedItemStreamReader;
import org.springframework.batch.item.support.SynchronizedItemStreamWriter;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.io.FileSystemResource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * What a Java team would build instead of Sluice: a Spring Batch job that reads the sales CSV,
 * evaluates the same workbook with Apache POI record by record (one workbook per thread, since
 * POI's are not thread-safe) and writes {@code sale_id,total} as CSV. A multi-threaded
 * chunk-oriented step with one thread per core; no job metadata is kept (nothing to restart).
 *
 * <p>{@code java -cp benchmarks.jar io.sluice.benchmarks.peer.SpringBatchPoiPeer WORKBOOK INPUT OUTPUT THREADS}
 */
public final class SpringBatchPoiPeer {

    /** One input row. */
    public record Sale(String saleId, double price, double quantity) {
    }

    /** One output row. */
    public record Total(String saleId, double total) {
    }

    private static final int COMMIT_INTERVAL = 1000;
    private static final double TAX = 0.1;

    private SpringBatchPoiPeer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: SpringBatchPoiPeer WORKBOOK INPUT OUTPUT THREADS");
            System.exit(2);
        }
        byte[] workbook = Files.readAllBytes(Path.of(args[0]));
        long start = System.nanoTime();
        JobExecution execution = run(workbook, Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
        double seconds = (System.nanoTime() - start) / 1e9;
        long records = execution.getStepExecutions().stream().mapToLong(s -> s.getWriteCount()).sum();
        System.out.printf(Locale.ROOT, "status    %s%nrecords   %d%nwall time %.3f s%nrate      %.0f records/s%n",
                execution.getStatus(), records, seconds, records / seconds);
        System.exit(execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1);
    }

    static JobExecution run(byte[] workbook, Path input, Path output, int threads) throws Exception {
        JobRepository repository = new ResourcelessJobRepository();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("peer-");
        executor.initialize();
        try {
            Job job = new JobBuilder("sales-totals", repository).start(step(repository, workbook, input, output,
                    threads, executor)).build();
            TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
            launcher.setJobRepository(repository);
            launcher.afterPropertiesSet();
            return launcher.run(job, new JobParameters());
        } finally {
            executor.shutdown();
        }
    }

    @SuppressWarnings("deprecation") // taskExecutor/throttleLimit: the documented multi-threaded step of 5.x
    private static Step step(JobRepository repository, byte[] workbook, Path input, Path output, int threads,
                             ThreadPoolTaskExecutor executor) {
        FlatFileItemReader<Sale> reader = new FlatFileItemReaderBuilder<Sale>().name("sales")
                .resource(new FileSystemResource(input)).linesToSkip(1).saveState(false)
                .delimited().names("sale_id", "price", "quantity")
                .fieldSetMapper(f -> new Sale(f.readString(0), f.readDouble(1), f.readDouble(2)))
                .build();
        SynchronizedItemStreamReader<Sale> sharedReader = new SynchronizedItemStreamReader<>();
        sharedReader.setDelegate(reader);
        FlatFileItemWriter<Total> writer = new FlatFileItemWriterBuilder<Total>().name("totals")
                .resource(new FileSystemResource(output)).saveState(false)
                .headerCallback(w -> w.write("sale_id,total"))
                .lineAggregator(t -> t.saleId() + "," + t.total())
                .build();
        SynchronizedItemStreamWriter<Total> sharedWriter = new SynchronizedItemStreamWriter<>();
        sharedWriter.setDelegate(writer);
        ThreadLocal<SalesWorkbook> workbooks = ThreadLocal.withInitial(() -> new SalesWorkbook(workbook));
        ItemProcessor<Sale, Total> evaluate = sale -> workbooks.get().total(sale);
        return new StepBuilder("evaluate", repository).<Sale, Total>chunk(COMMIT_INTERVAL,
                        new ResourcelessTransactionManager())
                .reader(sharedReader).processor(evaluate).writer(sharedWriter)
                .taskExecutor(executor).throttleLimit(threads)
                .build();
    }

    /** The workbook of one thread: inputs set by their Xinput names, the total read back. */
    static final class SalesWorkbook {

        private final FormulaEvaluator evaluator;
        private final Cell price;
        private final Cell quantity;
        private final Cell tax;
        private final Cell total;

        SalesWorkbook(byte[] bytes) {
            try {
                Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes));
                Map<String, Cell> named = new HashMap<>();
                for (Name name : wb.getAllNames()) {
                    CellReference ref = new AreaReference(name.getRefersToFormula(), wb.getSpreadsheetVersion())
                            .getFirstCell();
                    Sheet sheet = wb.getSheet(ref.getSheetName());
                    Row row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
                    Cell cell = row.getCell(ref.getCol()) != null ? row.getCell(ref.getCol()) : row.createCell(ref.getCol());
                    named.put(name.getNameName().toLowerCase(Locale.ROOT), cell);
                }
                evaluator = wb.getCreationHelper().createFormulaEvaluator();
                price = named.get("xinput_price");
                quantity = named.get("xinput_quantity");
                tax = named.get("xinput_tax");
                total = named.get("xoutput_total");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Total total(Sale sale) {
            price.setCellValue(sale.price());
            quantity.setCellValue(sale.quantity());
            tax.setCellValue(TAX);
            evaluator.clearAllCachedResultValues();
            return new Total(sale.saleId(), evaluator.evaluate(total).getNumberValue());
        }
    }
}
