package io.sluice.benchmarks.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU time and resident memory of a running process, read from Linux's {@code /proc}: CPU
 * seconds from {@code stat} (user plus system, in clock ticks of 1/100 s), current and peak
 * resident set from {@code status} ({@code VmRSS}, {@code VmHWM}).
 */
record ProcessStats(double cpuSeconds, long rssBytes, long peakRssBytes) {

    private static final double TICKS_PER_SECOND = 100.0;

    static ProcessStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces; the fields after it start past ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            return new ProcessStats(ticks / TICKS_PER_SECOND, kilobytes(status, "VmRSS:") * 1024,
                    kilobytes(status, "VmHWM:") * 1024);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc of process " + pid + " (has it exited?)", e);
        }
    }

    /** What a started process cost, read until it ended, and how long it ran. */
    record Finished(ProcessStats last, double wallSeconds, int exitValue) {
    }

    /**
     * Waits for {@code process} (started at {@code startNanos}) to end, reading its figures every
     * 200 ms: the last reading before it exits holds its CPU time and peak resident set.
     */
    static Finished watch(Process process, long startNanos) throws InterruptedException {
        ProcessStats last = of(process.pid());
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            try {
                last = of(process.pid());
            } catch (IllegalStateException exited) {
                // it ended between the wait and the read
            }
        }
        return new Finished(last, (System.nanoTime() - startNanos) / 1e9, process.exitValue());
    }

    private static long kilobytes(List<String> status, String field) {
        return status.stream().filter(line -> line.startsWith(field)).findFirst()
                .map(line -> Long.parseLong(line.substring(field.length()).replace("kB", "").trim()))
                .orElseThrow(() -> new IllegalStateException("no " + field + " in /proc status"));
    }
}
