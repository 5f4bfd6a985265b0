package io.sluice.application.chunk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The compact binary form Sluice stores chunk payloads and results in: variable-length integers,
 * one tag byte per value, UTF-8 strings. No reflection, no per-value objects beyond the values.
 */
final class Binary {

    static final int NULL = 0;
    static final int FALSE = 1;
    static final int TRUE = 2;
    static final int LONG = 3;
    static final int DOUBLE = 4;
    static final int STRING = 5;
    static final int LIST = 6;
    /** A table output's row: names and values in their order. */
    static final int MAP = 7;

    /** Eight bytes as one little-endian long: how doubles are stored. */
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Binary() {
    }

    /** A growable byte buffer with the writes the formats need. */
    static final class Writer {
        private byte[] bytes;
        private int size;

        Writer(int initialCapacity) {
            bytes = new byte[Math.max(64, initialCapacity)];
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void writeByte(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void writeVarLong(long value) {
            ensure(10);
            byte[] out = bytes;
            int at = size;
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out[at++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out[at++] = (byte) v;
            size = at;
        }

        void writeZigZag(long value) {
            writeVarLong((value << 1) ^ (value >> 63));
        }

        void writeDouble(double value) {
            ensure(8);
            LITTLE_ENDIAN_LONG.set(bytes, size, Double.doubleToRawLongBits(value));
            size += 8;
        }

        void writeString(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeVarLong(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        void writeNullableString(String value) {
            if (value == null) {
                writeByte(0);
            } else {
                writeByte(1);
                writeString(value);
            }
        }

        /** A cell: null, Boolean, a whole Number, any other Number, a List of cells, or anything else as text. */
        void writeValue(Object value) {
            // The common final types first: an exact class test each, before any interface test.
            if (value instanceof Double d) {
                writeByte(DOUBLE);
                writeDouble(d);
            } else if (value instanceof Long l) {
                writeByte(LONG);
                writeZigZag(l);
            } else if (value instanceof String text) {
                writeByte(STRING);
                writeString(text);
            } else if (value == null) {
                writeByte(NULL);
            } else if (value instanceof Boolean b) {
                writeByte(b ? TRUE : FALSE);
            } else if (value instanceof java.util.List<?> list) {
                writeList(list);
            } else if (value instanceof java.util.Map<?, ?> map) {
                writeMap(map);
            } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                writeByte(LONG);
                writeZigZag(((Number) value).longValue());
            } else if (value instanceof Number n) {
                writeByte(DOUBLE);
                writeDouble(n.doubleValue());
            } else {
                writeByte(STRING);
                writeString(value.toString());
            }
        }

        /** Named values in their order, such as a row of a table output; names are written as text. */
        void writeMap(java.util.Map<?, ?> map) {
            writeByte(MAP);
            writeVarLong(map.size());
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                writeString(String.valueOf(entry.getKey()));
                writeValue(entry.getValue());
            }
        }

        /**
         * A list of cells. Its elements are taken as one array first: rows come as several kinds of
         * list (views, immutable lists), and one call per row is cheaper than one per cell.
         */
        void writeList(java.util.List<?> list) {
            Object[] values = list.toArray();
            writeByte(LIST);
            writeVarLong(values.length);
            for (Object value : values) {
                writeValue(value);
            }
        }
    }

    /** Reads what {@link Writer} wrote; a malformed input is an {@link IllegalArgumentException}. */
    static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int readByte() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("truncated binary chunk data");
            }
            return bytes[position++] & 0xFF;
        }

        long readVarLong() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("malformed variable-length integer");
        }

        int readCount() {
            long count = readVarLong();
            if (count < 0 || count > bytes.length) {
                throw new IllegalArgumentException("implausible count " + count);
            }
            return (int) count;
        }

        long readZigZag() {
            long v = readVarLong();
            return (v >>> 1) ^ -(v & 1);
        }

        double readDouble() {
            if (position + 8 > bytes.length) {
                throw new IllegalArgumentException("truncated binary chunk data");
            }
            long bits = (long) LITTLE_ENDIAN_LONG.get(bytes, position);
            position += 8;
            return Double.longBitsToDouble(bits);
        }

        String readString() {
            int length = readCount();
            if (position + length > bytes.length) {
                throw new IllegalArgumentException("truncated string");
            }
            String s = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return s;
        }

        String readNullableString() {
            return readByte() == 0 ? null : readString();
        }

        void skipNullableString() {
            if (readByte() != 0) {
                int length = readCount();
                if (position + length > bytes.length) {
                    throw new IllegalArgumentException("truncated string");
                }
                position += length;
            }
        }

        int position() {
            return position;
        }

        void seek(int to) {
            position = to;
        }

        /** Hands the next value to {@code sink} as it is read, without building it. */
        void replayValue(ResultSink sink) {
            int tag = readByte();
            switch (tag) {
                case NULL -> sink.nullValue();
                case FALSE -> sink.booleanValue(false);
                case TRUE -> sink.booleanValue(true);
                case LONG -> sink.longValue(readZigZag());
                case DOUBLE -> sink.doubleValue(readDouble());
                case STRING -> {
                    int length = readCount();
                    if (position + length > bytes.length) {
                        throw new IllegalArgumentException("truncated string");
                    }
                    sink.stringValue(bytes, position, length);
                    position += length;
                }
                case LIST -> replayList(readCount(), sink);
                case MAP -> {
                    int size = readCount();
                    sink.startMap(size);
                    for (int i = 0; i < size; i++) {
                        sink.key(readString());
                        replayValue(sink);
                    }
                    sink.endMap();
                }
                default -> throw new IllegalArgumentException("unknown value tag " + tag);
            }
        }

        /** A list whose tag was read: {@code size} values follow. */
        void replayList(int size, ResultSink sink) {
            sink.startList(size);
            for (int i = 0; i < size; i++) {
                replayValue(sink);
            }
            sink.endList();
        }

        /** The size of the list that must come next. */
        int readListHeader() {
            int tag = readByte();
            if (tag != LIST) {
                throw new IllegalArgumentException("expected a list, found tag " + tag);
            }
            return readCount();
        }

        Object readValue() {
            int tag = readByte();
            return switch (tag) {
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case LONG -> readZigZag();
                case DOUBLE -> readDouble();
                case STRING -> readString();
                case LIST -> {
                    int n = readCount();
                    java.util.List<Object> list = new java.util.ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(readValue());
                    }
                    yield java.util.Collections.unmodifiableList(list);
                }
                case MAP -> {
                    int n = readCount();
                    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        map.put(readString(), readValue());
                    }
                    yield java.util.Collections.unmodifiableMap(map);
                }
                default -> throw new IllegalArgumentException("unknown value tag " + tag);
            };
        }
    }
}
