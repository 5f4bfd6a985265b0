package io.sluice.client.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Records read one at a time from a file, never all at once: memory does not grow with the file.
 * Every record has exactly one value per column, in column order (a missing value is JSON null).
 */
public interface RecordSource extends Closeable {

    /** The column names, from the CSV header row or the first JSON line. */
    List<String> columns();

    /** The next record, or null at the end of the input. */
    List<JsonNode> next() throws IOException;

    /** Bytes of the file consumed so far, to estimate progress against the file's size. */
    long bytesRead();
}
