package io.sluice.client.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.client.Json;
import io.sluice.client.io.RecordSource;
import io.sluice.client.io.Values;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Cuts a record stream into chunks within {@link ChunkLimits}: a chunk closes at the record limit,
 * or after the record that brings its body to the byte limit. Every chunk repeats the
 * header row, carries the parameters, and says its {@code size} in records (the header is not a
 * record). With a key column, each chunk remembers its records' keys so that results can be
 * matched to records by key. The stream ends with the last record: when the record count is a multiple of the
 * chunk size there is no trailing chunk holding only a header. Each chunker owns its state, so
 * two pipelines never share ids or counters.
 */
public final class Chunker {

    /** The most a chunk's buffer starts with: 16 MiB. */
    static final int MAX_INITIAL_CAPACITY = 1 << 24;

    private final RecordSource source;
    private final ChunkLimits limits;
    private final ObjectNode parameters;
    private final Supplier<UUID> ids;
    private final int keyIndex;
    private final ObjectMapper json = Json.mapper();
    private long sequence;
    private long records;

    /**
     * @param keyColumn the column whose values identify records (null: none); it must be one of
     *                  the input's columns
     */
    public Chunker(RecordSource source, ChunkLimits limits, ObjectNode parameters, String keyColumn, Supplier<UUID> ids) {
        this.keyIndex = keyColumn == null ? -1 : source.columns().indexOf(keyColumn);
        if (keyColumn != null && keyIndex < 0) {
            throw new IllegalArgumentException("the key column '" + keyColumn + "' is not among the input's columns "
                    + source.columns());
        }
        this.source = Objects.requireNonNull(source, "source");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.parameters = parameters == null ? json.createObjectNode() : parameters.deepCopy();
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public Chunker(RecordSource source, ChunkLimits limits, ObjectNode parameters, String keyColumn) {
        this(source, limits, parameters, keyColumn, UUID::randomUUID);
    }

    /** The next chunk, or null once every record is in a chunk. */
    public PreparedChunk next() throws IOException {
        List<JsonNode> first = source.next();
        if (first == null) {
            return null;
        }
        UUID id = ids.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream(initialCapacity(limits));
        int size;
        RecordKeys keys = new RecordKeys();
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id.toString());
            g.writeObjectFieldStart("data");
            g.writeArrayFieldStart("inputs");
            writeRow(g, source.columns());
            size = writeRecords(g, out, first, keys);
            g.writeEndArray();
            g.writeFieldName("parameters");
            json.writeTree(g, parameters);
            g.writeEndObject();
            g.writeNumberField("size", size);
            g.writeEndObject();
        }
        PreparedChunk chunk = new PreparedChunk(sequence++, id, records, size, keys, out.toByteArray());
        records += size;
        return chunk;
    }

    /** Records put into chunks so far. */
    public long records() {
        return records;
    }

    /**
     * Room for a chunk at about 64 bytes a record, or the byte limit and the closing fields if
     * less, and never more than {@link #MAX_INITIAL_CAPACITY} up front: the limits may be set far
     * beyond what a chunk ever holds, and the buffer grows when it must.
     */
    static int initialCapacity(ChunkLimits limits) {
        return (int) Math.min(MAX_INITIAL_CAPACITY, Math.min(64L * limits.records(), limits.bytes() + 8192L));
    }

    private int writeRecords(JsonGenerator g, ByteArrayOutputStream out, List<JsonNode> first, RecordKeys keys)
            throws IOException {
        int size = 0;
        List<JsonNode> row = first;
        while (row != null) {
            if (keyIndex >= 0) {
                keys.append(Values.text(row.get(keyIndex)));
            }
            g.writeStartArray();
            for (int i = 0; i < row.size(); i++) {
                Values.write(g, row.get(i), json);
            }
            g.writeEndArray();
            if (++size == limits.records() || out.size() + g.getOutputBuffered() >= limits.bytes()) {
                break;
            }
            row = source.next();
        }
        return size;
    }

    private static void writeRow(JsonGenerator g, List<String> names) throws IOException {
        g.writeStartArray();
        for (String name : names) {
            g.writeString(name);
        }
        g.writeEndArray();
    }
}
