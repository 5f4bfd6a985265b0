package io.sluice.client.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.sluice.client.Json;
import io.sluice.client.io.Format;
import io.sluice.client.io.Values;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes result records: the output columns of the first chunk written (the record key first when
 * the batch has one), then {@code error}. A later chunk's values are placed by column name. With
 * {@code recordColumn} a leading {@code record} column gives each record's 1-based input position,
 * so results written as they arrive can still be matched to their input.
 */
public final class ResultWriter implements ReorderBuffer.Sink, Closeable {

    private final Format format;
    private final boolean recordColumn;
    private final OutputStream out;
    private final CsvWriter csv;
    private final JsonGenerator jsonLines;
    private final ObjectMapper json = Json.mapper();
    private List<String> header;
    private long records;

    public ResultWriter(OutputStream out, Format format, boolean recordColumn) throws IOException {
        this.format = format;
        this.recordColumn = recordColumn;
        this.out = out;
        if (format == Format.CSV) {
            // Given the stream rather than a Writer, FastCSV encodes and writes its buffer when it is
            // full instead of handing every record to the Writer on its own.
            this.csv = CsvWriter.builder().build(out, StandardCharsets.UTF_8);
            this.jsonLines = null;
        } else {
            this.csv = null;
            this.jsonLines = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
            this.jsonLines.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        }
    }

    @Override
    public void accept(CompletedChunk chunk) throws IOException {
        if (header == null) {
            header = new ArrayList<>(chunk.columns());
            if (format == Format.CSV) {
                csv.writeRecord(line(recordColumn ? "record" : null, header, "error"));
            }
        }
        int[] place = placement(chunk.columns());
        for (int i = 0; i < chunk.size(); i++) {
            JsonNode[] values = new JsonNode[header.size()];
            List<JsonNode> row = chunk.rows().get(i);
            for (int c = 0; c < row.size() && c < place.length; c++) {
                if (place[c] >= 0) {
                    values[place[c]] = row.get(c);
                }
            }
            write(chunk.firstRecord() + i + 1, values, chunk.errors().get(i));
        }
        records += chunk.size();
    }

    /** Records written so far. */
    public long records() {
        return records;
    }

    private int[] placement(List<String> columns) {
        int[] place = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            place[c] = columns.equals(header) ? c : header.indexOf(columns.get(c));
        }
        return place;
    }

    private void write(long record, JsonNode[] values, JsonNode error) throws IOException {
        boolean failed = CompletedChunk.isError(error);
        if (format == Format.CSV) {
            CsvWriter.CsvWriterRecord line = csv.writeRecord();
            if (recordColumn) {
                line.writeField(Long.toString(record));
            }
            for (JsonNode value : values) {
                line.writeField(Values.text(value));
            }
            line.writeField(failed ? errorText(error) : "").endRecord();
            return;
        }
        jsonLines.writeStartObject();
        if (recordColumn) {
            jsonLines.writeNumberField("record", record);
        }
        for (int c = 0; c < values.length; c++) {
            jsonLines.writeFieldName(header.get(c));
            json.writeTree(jsonLines, values[c] == null ? json.nullNode() : values[c]);
        }
        if (failed) {
            jsonLines.writeFieldName("error");
            json.writeTree(jsonLines, error);
        }
        jsonLines.writeEndObject();
    }

    /** An error object, or a list of them (one record may have several), as one line of text. */
    private static String errorText(JsonNode error) {
        if (error.isArray()) {
            List<String> parts = new ArrayList<>();
            error.forEach(e -> parts.add(errorText(e)));
            return String.join("; ", parts);
        }
        if (error.isTextual()) {
            return error.asText();
        }
        String type = error.path("error_type").asText("");
        String message = error.path("message").asText("");
        String text = (type + " " + message).trim();
        return text.isEmpty() ? error.toString() : text;
    }

    private static List<String> line(String first, List<String> middle, String last) {
        List<String> cells = new ArrayList<>(middle.size() + 2);
        if (first != null) {
            cells.add(first);
        }
        cells.addAll(middle);
        cells.add(last);
        return cells;
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        } else {
            jsonLines.close();
        }
        out.close();
    }
}
