package io.sluice.application.chunk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored form of a chunk payload: a compact binary encoding of {@link ChunkInput} (a few bytes
 * per cell), compressed ({@link Compression}). Equal inputs encode to equal canonical bytes ({@link #canonical}), whose
 * hash identifies a chunk's content for idempotent re-posting.
 */
public final class ChunkCodec {

    private static final int FORMAT = 1;

    private ChunkCodec() {
    }

    /** The stored (compressed) form. */
    public static byte[] encode(ChunkInput chunk) {
        return Compression.pack(canonical(chunk));
    }

    /** The canonical binary form, before compression: the same content always gives the same bytes. */
    public static byte[] canonical(ChunkInput chunk) {
        int cells = chunk.rows().size() * Math.max(1, chunk.columns().size());
        Binary.Writer out = new Binary.Writer(64 + cells * 5);
        out.writeByte(FORMAT);
        out.writeVarLong(chunk.columns().size());
        chunk.columns().forEach(out::writeString);
        out.writeVarLong(chunk.rows().size());
        for (Object[] row : chunk.rows()) {
            for (Object cell : row) {
                out.writeValue(cell);
            }
        }
        out.writeVarLong(chunk.parameters().size());
        chunk.parameters().forEach((name, value) -> {
            out.writeString(name);
            out.writeValue(value);
        });
        out.writeByte(chunk.summary().ignoreError() ? 1 : 0);
        out.writeVarLong(chunk.summary().sumOf().size());
        chunk.summary().sumOf().forEach(out::writeString);
        return out.toByteArray();
    }

    public static ChunkInput decode(UUID id, byte[] bytes) {
        Binary.Reader in = new Binary.Reader(Compression.unpack(bytes));
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown chunk payload format " + format);
        }
        int width = in.readCount();
        List<String> columns = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            columns.add(in.readString());
        }
        int height = in.readCount();
        List<Object[]> rows = new ArrayList<>(height);
        for (int r = 0; r < height; r++) {
            Object[] row = new Object[width];
            for (int c = 0; c < width; c++) {
                row[c] = in.readValue();
            }
            rows.add(row);
        }
        int parameterCount = in.readCount();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parameterCount; i++) {
            parameters.put(in.readString(), in.readValue());
        }
        boolean ignoreError = in.readByte() == 1;
        int sums = in.readCount();
        List<String> sumOf = new ArrayList<>(sums);
        for (int i = 0; i < sums; i++) {
            sumOf.add(in.readString());
        }
        return new ChunkInput(id, columns, rows, parameters, new SummarySpec(ignoreError, sumOf));
    }

    /** A hex SHA-256 of canonical bytes. */
    public static String contentHash(byte[] encoded) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
