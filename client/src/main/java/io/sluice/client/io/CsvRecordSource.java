package io.sluice.client.io;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A CSV file (RFC 4180: quoted fields with commas, quotes and line breaks; UTF-8 with or without
 * a byte order mark). The first row names the columns; a row with another number of fields is
 * an error naming its line.
 */
public final class CsvRecordSource implements RecordSource {

    private final CountingInputStream counted;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> rows;
    private final List<String> columns;

    public CsvRecordSource(InputStream in) throws IOException {
        this.counted = new CountingInputStream(in);
        this.reader = CsvReader.builder().detectBomHeader(true).skipEmptyLines(true)
                .ofCsvRecord(counted, StandardCharsets.UTF_8);
        this.rows = reader.iterator();
        if (!rows.hasNext()) {
            throw new MalformedInputException("the CSV input is empty: it needs a header row naming the columns");
        }
        this.columns = Collections.unmodifiableList(new ArrayList<>(rows.next().getFields()));
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<JsonNode> next() throws IOException {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            CsvRecord row = rows.next();
            if (row.getFieldCount() != columns.size()) {
                throw new MalformedInputException("line " + row.getStartingLineNumber() + " has " + row.getFieldCount()
                        + " fields, the header has " + columns.size());
            }
            int fields = row.getFieldCount();
            JsonNode[] values = new JsonNode[fields];
            for (int i = 0; i < fields; i++) {
                values[i] = Values.of(row.getField(i));
            }
            return Arrays.asList(values);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
