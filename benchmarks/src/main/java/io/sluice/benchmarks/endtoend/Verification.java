package io.sluice.benchmarks.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run only counts when its output is right: every record exactly once with
 * {@code total = ROUND(price * quantity * 1.1, 2)}, and for Sluice in input order.
 */
final class Verification {

    private static final BigDecimal TAXED = new BigDecimal("1.1");

    private Verification() {
    }

    static void totals(Path input, Path output, long records) throws IOException {
        check(input, output, records, true);
    }

    static void totalsUnordered(Path input, Path output, long records) throws IOException {
        check(input, output, records, false);
    }

    private static void check(Path input, Path output, long records, boolean ordered) throws IOException {
        double[] expected = expected(input, records);
        boolean[] seen = new boolean[expected.length];
        long count = 0;
        try (BufferedReader reader = Files.newBufferedReader(output)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] columns = line.split(",", -1);
                int id = Integer.parseInt(columns[0]);
                count++;
                if (ordered && id != count) {
                    throw new IllegalStateException("record " + id + " came at position " + count + " of " + output);
                }
                if (id < 1 || id >= expected.length || seen[id]) {
                    throw new IllegalStateException("record " + id + " is unknown or repeated in " + output);
                }
                seen[id] = true;
                double total = Double.parseDouble(columns[1]);
                if (Math.abs(total - expected[id]) > 0.0051 || (columns.length > 2 && !columns[2].isEmpty())) {
                    throw new IllegalStateException("record " + id + " has " + line + ", expected total " + expected[id]);
                }
            }
        }
        if (count != records) {
            throw new IllegalStateException(output + " holds " + count + " records, not " + records);
        }
    }

    private static double[] expected(Path input, long records) throws IOException {
        double[] totals = new double[Math.toIntExact(records + 1)];
        try (BufferedReader reader = Files.newBufferedReader(input)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] c = line.split(",");
                totals[Integer.parseInt(c[0])] = new BigDecimal(c[1]).multiply(new BigDecimal(c[2])).multiply(TAXED)
                        .setScale(2, RoundingMode.HALF_UP).doubleValue();
            }
        }
        return totals;
    }
}
