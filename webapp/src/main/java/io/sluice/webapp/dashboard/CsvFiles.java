package io.sluice.webapp.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CSV files of the dashboard (RFC 4180, UTF-8 with or without a byte order mark, the first row
 * naming the columns), read one row at a time so that a large file never sits in memory, and the
 * text-to-cell rules: empty is null, a plain number is a number, anything else stays text ("007"
 * too, so identifiers keep their form).
 */
final class CsvFiles {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    /** What a first pass over an uploaded file found. */
    record Shape(List<String> columns, long rows) {
    }

    private CsvFiles() {
    }

    static CsvReader<CsvRecord> open(Path file) {
        try {
            return CsvReader.builder().detectBomHeader(true).skipEmptyLines(true).ofCsvRecord(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the whole file once, row by row: it needs a header of distinct, non-blank names and
     * rows exactly as wide.
     *
     * @throws IllegalArgumentException naming the first problem (and its line)
     */
    static Shape check(Path file) {
        try (CsvReader<CsvRecord> reader = open(file)) {
            var rows = reader.iterator();
            if (!rows.hasNext()) {
                throw new IllegalArgumentException("the file is empty: its first row must name the columns");
            }
            List<String> columns = new ArrayList<>(rows.next().getFields());
            for (String column : columns) {
                if (column.isBlank()) {
                    throw new IllegalArgumentException("the header row has a blank column name");
                }
                if (columns.indexOf(column) != columns.lastIndexOf(column)) {
                    throw new IllegalArgumentException("the header row names the column '" + column + "' twice");
                }
            }
            long count = 0;
            while (rows.hasNext()) {
                CsvRecord row = rows.next();
                if (row.getFieldCount() != columns.size()) {
                    throw new IllegalArgumentException("line " + row.getStartingLineNumber() + " has " + row.getFieldCount()
                            + " fields, the header has " + columns.size());
                }
                count++;
            }
            if (count == 0) {
                throw new IllegalArgumentException("the file has a header but no rows");
            }
            return new Shape(columns, count);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("the file is not readable CSV: " + e.getMessage(), e);
        }
    }

    /** A CSV field as a record cell: null, Long, Double or String. */
    static Object cell(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (INTEGER.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        if (text.length() < 40 && DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        return text;
    }

    /**
     * A computed value as CSV text: null is empty, a whole double has no ".0", and a table output
     * (rows of named values) is its JSON, as the API gives it.
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            StringWriter json = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(json)) {
                writeJson(g, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return json.toString();
        }
        return value.toString();
    }

    private static void writeJson(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                g.writeFieldName(String.valueOf(entry.getKey()));
                writeJson(g, entry.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeJson(g, item);
            }
            g.writeEndArray();
        } else if (value == null) {
            g.writeNull();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            g.writeNumber(d.longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else {
            g.writeString(value.toString());
        }
    }
}
