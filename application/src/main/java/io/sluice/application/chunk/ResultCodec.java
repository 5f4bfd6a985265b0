package io.sluice.application.chunk;

import io.sluice.domain.chunk.ChunkId;
import io.sluice.domain.record.ChunkResult;
import io.sluice.domain.record.RecordError;
import io.sluice.domain.record.Warning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The stored form of a {@link ChunkResult}: the same compact binary encoding as payloads, compressed.
 * Per-record warnings and errors keep the difference between none ({@code null}) and a list.
 */
public final class ResultCodec {

    private static final int FORMAT = 2;

    private ResultCodec() {
    }

    public static byte[] encode(ChunkResult result) {
        int records = result.recordCount();
        Binary.Writer out = new Binary.Writer(64 + records * 24);
        out.writeByte(FORMAT);
        out.writeValue(result.summaryOutput());
        out.writeValue(result.outputs());
        for (int r = 0; r < records; r++) {
            List<Warning> warnings = result.warnings().get(r);
            out.writeVarLong(warnings == null ? 0 : warnings.size() + 1L);
            if (warnings != null) {
                for (Warning w : warnings) {
                    out.writeNullableString(w.sourcePath());
                    out.writeNullableString(w.message());
                }
            }
            List<RecordError> errors = result.errors().get(r);
            out.writeVarLong(errors == null ? 0 : errors.size() + 1L);
            if (errors != null) {
                for (RecordError e : errors) {
                    out.writeNullableString(e.sourcePath());
                    out.writeNullableString(e.message());
                    out.writeNullableString(e.errorCategory());
                    out.writeNullableString(e.errorType());
                }
            }
            out.writeVarLong(result.processTimeMillis().get(r));
        }
        return Compression.pack(out.toByteArray());
    }

    /**
     * Hands a stored result to {@code sink} field by field, straight from its stored form: what
     * {@link #decode} would build, without building it.
     *
     * @throws IllegalArgumentException when {@code bytes} is no stored result
     */
    public static void replay(byte[] bytes, ResultSink sink) {
        Binary.Reader in = new Binary.Reader(Compression.unpack(bytes));
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown chunk result format " + format);
        }
        sink.field(ResultSink.Field.SUMMARY_OUTPUT);
        in.replayValue(sink);
        sink.field(ResultSink.Field.OUTPUTS);
        int rows = in.readListHeader();
        if (rows < 1) {
            throw new IllegalArgumentException("a stored result has at least its header row");
        }
        in.replayList(rows, sink);
        int records = rows - 1;
        int perRecord = in.position();
        sink.field(ResultSink.Field.WARNINGS);
        sink.startList(records);
        for (int r = 0; r < records; r++) {
            int w = in.readCount();
            if (w == 0) {
                sink.nullValue();
            } else {
                sink.startList(w - 1);
                for (int i = 1; i < w; i++) {
                    sink.warning(in.readNullableString(), in.readNullableString());
                }
                sink.endList();
            }
            skipErrors(in);
            in.readVarLong();
        }
        sink.endList();
        in.seek(perRecord);
        sink.field(ResultSink.Field.ERRORS);
        sink.startList(records);
        for (int r = 0; r < records; r++) {
            skipWarnings(in);
            int e = in.readCount();
            if (e == 0) {
                sink.nullValue();
            } else {
                sink.startList(e - 1);
                for (int i = 1; i < e; i++) {
                    sink.error(in.readNullableString(), in.readNullableString(), in.readNullableString(),
                            in.readNullableString());
                }
                sink.endList();
            }
            in.readVarLong();
        }
        sink.endList();
        in.seek(perRecord);
        sink.field(ResultSink.Field.PROCESS_TIME);
        sink.startList(records);
        for (int r = 0; r < records; r++) {
            skipWarnings(in);
            skipErrors(in);
            sink.longValue(in.readVarLong());
        }
        sink.endList();
    }

    private static void skipWarnings(Binary.Reader in) {
        int w = in.readCount();
        for (int i = 1; i < w; i++) {
            in.skipNullableString();
            in.skipNullableString();
        }
    }

    private static void skipErrors(Binary.Reader in) {
        int e = in.readCount();
        for (int i = 1; i < e; i++) {
            in.skipNullableString();
            in.skipNullableString();
            in.skipNullableString();
            in.skipNullableString();
        }
    }

    @SuppressWarnings("unchecked")
    public static ChunkResult decode(UUID id, byte[] bytes) {
        Binary.Reader in = new Binary.Reader(Compression.unpack(bytes));
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown chunk result format " + format);
        }
        List<Object> summaryOutput = (List<Object>) in.readValue();
        List<List<Object>> outputs = (List<List<Object>>) in.readValue();
        int records = outputs.size() - 1;
        List<List<Warning>> warnings = new ArrayList<>(records);
        List<List<RecordError>> errors = new ArrayList<>(records);
        List<Long> times = new ArrayList<>(records);
        for (int r = 0; r < records; r++) {
            int w = in.readCount();
            List<Warning> ws = w == 0 ? null : new ArrayList<>(w - 1);
            for (int i = 1; i < w; i++) {
                ws.add(new Warning(in.readNullableString(), in.readNullableString()));
            }
            warnings.add(ws);
            int e = in.readCount();
            List<RecordError> es = e == 0 ? null : new ArrayList<>(e - 1);
            for (int i = 1; i < e; i++) {
                es.add(new RecordError(in.readNullableString(), in.readNullableString(), in.readNullableString(),
                        in.readNullableString()));
            }
            errors.add(es);
            times.add(in.readVarLong());
        }
        return new ChunkResult(new ChunkId(id), summaryOutput, outputs, Collections.unmodifiableList(warnings),
                Collections.unmodifiableList(errors), Collections.unmodifiableList(times));
    }
}
