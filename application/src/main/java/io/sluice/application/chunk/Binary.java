package io.sluice.application.chunk;

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
            long v = value;
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void writeZigZag(long value) {
            writeVarLong((value << 1) ^ (value >> 63));
        }

        void writeDouble(double value) {
            long bits = Double.doubleToRawLongBits(value);
            ensure(8);
            for (int i = 0; i < 8; i++) {
                bytes[size++] = (byte) (bits >>> (8 * i));
            }
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
            if (value instanceof java.util.List<?> list) {
                writeByte(LIST);
                writeVarLong(list.size());
                list.forEach(this::writeValue);
            } else if (value == null) {
                writeByte(NULL);
            } else if (value instanceof Boolean b) {
                writeByte(b ? TRUE : FALSE);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
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
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (long) readByte() << (8 * i);
            }
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
                default -> throw new IllegalArgumentException("unknown value tag " + tag);
            };
        }
    }
}
