package io.sluice.benchmarks.endtoend;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** The input of every run: {@code sale_id,price,quantity}, the same rows for the same count. */
final class SalesCsv {

    private SalesCsv() {
    }

    /** Writes {@code records} rows to {@code file} unless a file of that many rows is there. */
    static Path ensure(Path file, long records) throws IOException {
        Path marker = file.resolveSibling(file.getFileName() + ".records");
        if (Files.exists(file) && Files.exists(marker) && Files.readString(marker).trim().equals(Long.toString(records))) {
            return file;
        }
        SplittableRandom random = new SplittableRandom(20261122L);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("sale_id,price,quantity\n");
            for (long id = 1; id <= records; id++) {
                int cents = random.nextInt(100, 100_000);
                out.write(id + "," + (cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + (cents % 100) + ","
                        + random.nextInt(1, 100) + "\n");
            }
        }
        Files.writeString(marker, Long.toString(records));
        return file;
    }
}
