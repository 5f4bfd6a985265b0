package io.sluice.client.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats the client reads and writes. */
public enum Format {
    CSV, JSONL;

    /** JSON lines for {@code .jsonl}, {@code .ndjson} and {@code .json} files, CSV otherwise. */
    public static Format of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? JSONL : CSV;
    }

    public RecordSource open(InputStream in) throws IOException {
        return this == CSV ? new CsvRecordSource(in) : new JsonLinesRecordSource(in);
    }
}
