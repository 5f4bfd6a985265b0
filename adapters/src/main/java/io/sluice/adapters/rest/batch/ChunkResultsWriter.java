package io.sluice.adapters.rest.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.sluice.application.chunk.ResultCodec;
import io.sluice.application.chunk.ResultSink;
import io.sluice.application.chunk.StoredResult;
import io.sluice.domain.record.ChunkResult;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders {@code {"data":[chunk results...],"status":{...}}} as JSON or BSON, streaming each
 * value straight from the stored results ({@link ResultCodec#replay}): no result is decoded into
 * lists and maps first. A whole number computed as a double is written as an integer in JSON
 * ({@code 1430}, not {@code 1430.0}), as the Batch API shows it.
 */
final class ChunkResultsWriter {

    /**
     * Doubles as their shortest round-tripping decimal: {@link ShortDecimals} for the usual few
     * places, Schubfach for the rest, without {@code Double.toString}'s detours.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private ChunkResultsWriter() {
    }

    /** Results in memory (tests, tools): written through their stored form, the one path there is. */
    static byte[] json(List<ChunkResult> results, byte[] statusJson) {
        return jsonStored(stored(results), statusJson);
    }

    static byte[] bson(List<ChunkResult> results, BsonDocument status) {
        return bsonStored(stored(results), status);
    }

    private static List<StoredResult> stored(List<ChunkResult> results) {
        return results.stream().map(r -> new StoredResult(r.id(), r.recordCount(), ResultCodec.encode(r))).toList();
    }

    static byte[] jsonStored(List<StoredResult> results, byte[] statusJson) {
        long estimate = 256L + statusJson.length;
        for (StoredResult result : results) {
            estimate += result.result().length * 4L + result.records() * 16L;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(estimate, 64L << 20));
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            JsonSink sink = new JsonSink(g);
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (StoredResult result : results) {
                g.writeStartObject();
                g.writeStringField("id", result.id().toString());
                result.replay(sink);
                sink.rethrow();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("status");
            g.writeRawValue(new String(statusJson, StandardCharsets.UTF_8));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] bsonStored(List<StoredResult> results, BsonDocument status) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter w = new BsonBinaryWriter(buffer)) {
            BsonSink sink = new BsonSink(w);
            w.writeStartDocument();
            w.writeStartArray("data");
            for (StoredResult result : results) {
                w.writeStartDocument();
                w.writeString("id", result.id().toString());
                result.replay(sink);
                w.writeEndDocument();
            }
            w.writeEndArray();
            w.writeName("status");
            new BsonDocumentCodec().encode(w, status, EncoderContext.builder().build());
            w.writeEndDocument();
        }
        return buffer.toByteArray();
    }

    private static boolean isWhole(double d) {
        return d == Math.rint(d) && Math.abs(d) < EXACT_DOUBLE_LIMIT && !(d == 0 && 1 / d < 0);
    }

    /** Writes to a Jackson generator; its first {@link IOException} is kept and rethrown by {@link #rethrow}. */
    private static final class JsonSink implements ResultSink {
        private final JsonGenerator g;
        private final char[] decimal = new char[ShortDecimals.MAX_LENGTH];
        private IOException failure;

        JsonSink(JsonGenerator g) {
            this.g = g;
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }

        private void fail(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }

        @Override
        public void field(Field field) {
            try {
                g.writeFieldName(field.wireName());
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void startList(int size) {
            try {
                g.writeStartArray();
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void endList() {
            try {
                g.writeEndArray();
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void startMap(int size) {
            try {
                g.writeStartObject();
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void key(String name) {
            try {
                g.writeFieldName(name);
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void endMap() {
            try {
                g.writeEndObject();
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void nullValue() {
            try {
                g.writeNull();
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void booleanValue(boolean value) {
            try {
                g.writeBoolean(value);
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void longValue(long value) {
            try {
                g.writeNumber(value);
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void doubleValue(double value) {
            try {
                if (isWhole(value)) {
                    g.writeNumber((long) value);
                    return;
                }
                int length = ShortDecimals.write(value, decimal);
                if (length > 0) {
                    g.writeNumber(decimal, 0, length);
                } else {
                    g.writeNumber(value);
                }
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void stringValue(byte[] utf8, int offset, int length) {
            try {
                g.writeUTF8String(utf8, offset, length);
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void warning(String sourcePath, String message) {
            try {
                g.writeStartObject();
                g.writeStringField("source_path", sourcePath);
                g.writeStringField("message", message);
                g.writeEndObject();
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void error(String sourcePath, String message, String errorCategory, String errorType) {
            try {
                g.writeStartObject();
                g.writeStringField("source_path", sourcePath);
                g.writeStringField("message", message);
                g.writeStringField("error_category", errorCategory);
                g.writeStringField("error_type", errorType);
                g.writeEndObject();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    /** Writes to a BSON writer; numbers keep their type (a double stays a double). */
    private static final class BsonSink implements ResultSink {
        private final BsonBinaryWriter w;

        BsonSink(BsonBinaryWriter w) {
            this.w = w;
        }

        @Override
        public void field(Field field) {
            w.writeName(field.wireName());
        }

        @Override
        public void startList(int size) {
            w.writeStartArray();
        }

        @Override
        public void endList() {
            w.writeEndArray();
        }

        @Override
        public void startMap(int size) {
            w.writeStartDocument();
        }

        @Override
        public void key(String name) {
            w.writeName(name);
        }

        @Override
        public void endMap() {
            w.writeEndDocument();
        }

        @Override
        public void nullValue() {
            w.writeNull();
        }

        @Override
        public void booleanValue(boolean value) {
            w.writeBoolean(value);
        }

        @Override
        public void longValue(long value) {
            w.writeInt64(value);
        }

        @Override
        public void doubleValue(double value) {
            w.writeDouble(value);
        }

        @Override
        public void stringValue(byte[] utf8, int offset, int length) {
            w.writeString(new String(utf8, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void warning(String sourcePath, String message) {
            w.writeStartDocument();
            string("source_path", sourcePath);
            string("message", message);
            w.writeEndDocument();
        }

        @Override
        public void error(String sourcePath, String message, String errorCategory, String errorType) {
            w.writeStartDocument();
            string("source_path", sourcePath);
            string("message", message);
            string("error_category", errorCategory);
            string("error_type", errorType);
            w.writeEndDocument();
        }

        private void string(String name, String value) {
            if (value == null) {
                w.writeNull(name);
            } else {
                w.writeString(name, value);
            }
        }
    }
}
