package io.sluice.client.cli;

import io.sluice.client.batch.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress: a progress bar (records done, rate, ETA) on a terminal, plain log lines
 * at a fixed interval otherwise, so that redirected output stays readable. The total is
 * estimated from the share of the input file read until reading ends, then exact.
 */
abstract class ProgressDisplay implements ProgressListener, AutoCloseable {

    protected final long inputBytes;
    protected final AtomicLong readRecords = new AtomicLong();
    protected final AtomicLong readBytes = new AtomicLong();
    protected volatile boolean readingDone;

    ProgressDisplay(long inputBytes) {
        this.inputBytes = inputBytes;
    }

    /** A progress bar when {@code terminal}, else log lines on {@code log} every {@code interval}. */
    static ProgressDisplay choose(boolean terminal, long inputBytes, PrintStream log, Duration interval) {
        return terminal ? new Bar(inputBytes) : new Lines(inputBytes, log, interval, System::nanoTime);
    }

    @Override
    public void read(long records, long bytes) {
        readRecords.set(records);
        readBytes.set(bytes);
    }

    @Override
    public void readingDone(long records) {
        readRecords.set(records);
        readingDone = true;
    }

    /** The total number of records: exact once reading ended, else extrapolated from bytes read. */
    long estimatedTotal() {
        long records = readRecords.get();
        long bytes = readBytes.get();
        if (readingDone || bytes <= 0 || inputBytes <= 0) {
            return records;
        }
        return Math.max(records, (long) ((double) records * inputBytes / bytes));
    }

    @Override
    public abstract void close();

    /** The terminal's progress bar. */
    static final class Bar extends ProgressDisplay {

        private volatile ProgressBar bar;

        Bar(long inputBytes) {
            super(inputBytes);
        }

        @Override
        public synchronized void started(String batchId, String serviceUri) {
            System.err.println("batch " + batchId + " created for " + serviceUri);
            this.bar = new ProgressBarBuilder().setTaskName("records").setInitialMax(-1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).showSpeed(new DecimalFormat("#,##0"))
                    .setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, width()))
                    .build();
        }

        /**
         * The line width, from {@code COLUMNS} when the shell exports it. Giving the width keeps the
         * progress bar from opening a terminal library, which would take over Ctrl-C and kill the
         * process before the batch is cancelled.
         */
        private static int width() {
            try {
                return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim()) - 1);
            } catch (NumberFormatException unreadable) {
                return 79;
            }
        }

        @Override
        public synchronized void written(long records, long failures) {
            if (bar == null) {
                return;
            }
            bar.maxHint(Math.max(estimatedTotal(), records));
            bar.stepTo(records);
            if (failures > 0) {
                bar.setExtraMessage(" " + failures + " failed");
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** Log lines for a file or pipe: one when the batch starts, then one per interval. */
    static final class Lines extends ProgressDisplay {

        private final PrintStream log;
        private final long intervalNanos;
        private final LongSupplier nanoTime;
        private final long start;
        private long lastLine;

        Lines(long inputBytes, PrintStream log, Duration interval, LongSupplier nanoTime) {
            super(inputBytes);
            this.log = log;
            this.intervalNanos = interval.toNanos();
            this.nanoTime = nanoTime;
            this.start = nanoTime.getAsLong();
            this.lastLine = start;
        }

        @Override
        public void started(String batchId, String serviceUri) {
            log.println("batch " + batchId + " created for " + serviceUri);
        }

        @Override
        public synchronized void written(long records, long failures) {
            long now = nanoTime.getAsLong();
            if (now - lastLine < intervalNanos) {
                return;
            }
            lastLine = now;
            double seconds = Math.max(1e-9, (now - start) / 1e9);
            long total = estimatedTotal();
            String share = total > 0 ? String.format(" of %s%d (%.0f%%)", readingDone ? "" : "~", total,
                    100.0 * records / total) : "";
            log.printf("%d records done%s, %d failed, %.0f records/s%n", records, share, failures, records / seconds);
        }

        @Override
        public void close() {
            log.flush();
        }
    }
}
