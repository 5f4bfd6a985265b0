package io.sluice.benchmarks.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    private static long kilobytes(List<String> status, String field) {
        return status.stream().filter(line -> line.startsWith(field)).findFirst()
                .map(line -> Long.parseLong(line.substring(field.length()).replace("kB", "").trim()))
                .orElseThrow(() -> new IllegalStateException("no " + field + " in /proc status"));
    }
}
