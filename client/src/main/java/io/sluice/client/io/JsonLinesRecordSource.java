package io.sluice.client.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.sluice.client.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * JSON lines: one JSON object per line, blank lines ignored, UTF-8 with or without a byte order
 * mark. The first object's fields name the columns; a later object may leave a column out (null)
 * but may not bring a column the first one did not have.
 */
public final class JsonLinesRecordSource implements RecordSource {

    private final ObjectMapper json = Json.mapper();
    private final CountingInputStream counted;
    private final BufferedReader reader;
    private final List<String> columns;
    private JsonNode pending;
    private long line;

    public JsonLinesRecordSource(InputStream in) throws IOException {
        this.counted = new CountingInputStream(in);
        this.reader = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 1 << 16);
        this.pending = readObject();
        if (pending == null) {
            throw new MalformedInputException("the JSON lines input is empty: its first object names the columns");
        }
        List<String> names = new ArrayList<>();
        pending.fieldNames().forEachRemaining(names::add);
        this.columns = Collections.unmodifiableList(names);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<JsonNode> next() throws IOException {
        JsonNode object = pending != null ? pending : readObject();
        pending = null;
        if (object == null) {
            return null;
        }
        JsonNode[] values = new JsonNode[columns.size()];
        Arrays.fill(values, NullNode.getInstance());
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            int index = columns.indexOf(field.getKey());
            if (index < 0) {
                throw new MalformedInputException("line " + line + " has the field '" + field.getKey()
                        + "' that the first line does not have");
            }
            values[index] = field.getValue();
        }
        return Arrays.asList(values);
    }

    private JsonNode readObject() throws IOException {
        String text;
        while ((text = reader.readLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!text.isBlank()) {
                return parse(text);
            }
        }
        return null;
    }

    private JsonNode parse(String text) throws MalformedInputException {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new MalformedInputException("line " + line + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedInputException("line " + line + " is not valid JSON: " + e.getOriginalMessage());
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
