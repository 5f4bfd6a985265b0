package io.sluice.adapters.rest.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.domain.record.ChunkResult;
import io.sluice.domain.record.RecordError;
import io.sluice.domain.record.Warning;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders {@code {"data":[chunk results...],"status":{...}}} as JSON or BSON, streaming each
 * value straight from the stored results. A whole number computed as a double is written as an
 * integer ({@code 1430}, not {@code 1430.0}), as the Batch API shows it.
 */
final class ChunkResultsWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private ChunkResultsWriter() {
    }

    static byte[] json(List<ChunkResult> results, byte[] statusJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (ChunkResult result : results) {
                writeJson(g, result);
            }
            g.writeEndArray();
            g.writeFieldName("status");
            g.writeRawValue(new String(statusJson, java.nio.charset.StandardCharsets.UTF_8));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeJson(JsonGenerator g, ChunkResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id().toString());
        g.writeFieldName("summary_output");
        writeJsonValue(g, r.summaryOutput());
        g.writeFieldName("outputs");
        writeJsonValue(g, r.outputs());
        g.writeArrayFieldStart("warnings");
        for (List<Warning> warnings : r.warnings()) {
            if (warnings == null) {
                g.writeNull();
                continue;
            }
            g.writeStartArray();
            for (Warning w : warnings) {
                g.writeStartObject();
                g.writeStringField("source_path", w.sourcePath());
                g.writeStringField("message", w.message());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("errors");
        for (List<RecordError> errors : r.errors()) {
            if (errors == null) {
                g.writeNull();
                continue;
            }
            g.writeStartArray();
            for (RecordError e : errors) {
                g.writeStartObject();
                g.writeStringField("source_path", e.sourcePath());
                g.writeStringField("message", e.message());
                g.writeStringField("error_category", e.errorCategory());
                g.writeStringField("error_type", e.errorType());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("process_time");
        for (Long t : r.processTimeMillis()) {
            g.writeNumber(t);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeJsonValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeJsonValue(g, item);
            }
            g.writeEndArray();
        } else if (v == null) {
            g.writeNull();
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            if (isWhole(d)) {
                g.writeNumber(d.longValue());
            } else {
                g.writeNumber(d);
            }
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    private static boolean isWhole(double d) {
        return d == Math.rint(d) && Math.abs(d) < EXACT_DOUBLE_LIMIT && !(d == 0 && 1 / d < 0);
    }

    static byte[] bson(List<ChunkResult> results, BsonDocument status) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter w = new BsonBinaryWriter(buffer)) {
            w.writeStartDocument();
            w.writeStartArray("data");
            for (ChunkResult result : results) {
                writeBson(w, result);
            }
            w.writeEndArray();
            w.writeName("status");
            new BsonDocumentCodec().encode(w, status, EncoderContext.builder().build());
            w.writeEndDocument();
        }
        return buffer.toByteArray();
    }

    private static void writeBson(BsonBinaryWriter w, ChunkResult r) {
        w.writeStartDocument();
        w.writeString("id", r.id().toString());
        w.writeName("summary_output");
        writeBsonValue(w, r.summaryOutput());
        w.writeName("outputs");
        writeBsonValue(w, r.outputs());
        w.writeStartArray("warnings");
        for (List<Warning> warnings : r.warnings()) {
            if (warnings == null) {
                w.writeNull();
                continue;
            }
            w.writeStartArray();
            for (Warning warning : warnings) {
                w.writeStartDocument();
                writeBsonString(w, "source_path", warning.sourcePath());
                writeBsonString(w, "message", warning.message());
                w.writeEndDocument();
            }
            w.writeEndArray();
        }
        w.writeEndArray();
        w.writeStartArray("errors");
        for (List<RecordError> errors : r.errors()) {
            if (errors == null) {
                w.writeNull();
                continue;
            }
            w.writeStartArray();
            for (RecordError e : errors) {
                w.writeStartDocument();
                writeBsonString(w, "source_path", e.sourcePath());
                writeBsonString(w, "message", e.message());
                writeBsonString(w, "error_category", e.errorCategory());
                writeBsonString(w, "error_type", e.errorType());
                w.writeEndDocument();
            }
            w.writeEndArray();
        }
        w.writeEndArray();
        w.writeStartArray("process_time");
        for (Long t : r.processTimeMillis()) {
            w.writeInt64(t);
        }
        w.writeEndArray();
        w.writeEndDocument();
    }

    private static void writeBsonString(BsonBinaryWriter w, String name, String value) {
        if (value == null) {
            w.writeNull(name);
        } else {
            w.writeString(name, value);
        }
    }

    private static void writeBsonValue(BsonBinaryWriter w, Object v) {
        if (v instanceof List<?> list) {
            w.writeStartArray();
            list.forEach(item -> writeBsonValue(w, item));
            w.writeEndArray();
        } else if (v == null) {
            w.writeNull();
        } else if (v instanceof Long l) {
            w.writeInt64(l);
        } else if (v instanceof Double d) {
            w.writeDouble(d);
        } else if (v instanceof Boolean b) {
            w.writeBoolean(b);
        } else {
            w.writeString(v.toString());
        }
    }
}
