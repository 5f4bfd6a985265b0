package io.sluice.application.chunk;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The compression around the binary forms: an LZ4 block, a tenth of the CPU of the fastest deflate
 * for a little less shrinking (docs/adr/0011-lz4-for-stored-chunks.md). Forms stored before, raw
 * deflate streams, are still read: the LZ4 form starts with a byte no deflate stream can start
 * with (its block type bits read {@code 11}, a type deflate reserves), so one look tells them apart.
 */
final class Compression {

    /** Block-final bit 0, block type bits {@code 11}: reserved in deflate, so never a deflate stream's first byte. */
    static final int LZ4_BLOCK = 0b110;
    private static final int HEADER = 5;

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();
    private static final LZ4Compressor COMPRESSOR = LZ4.fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4.safeDecompressor();

    private Compression() {
    }

    /** The tag byte, the raw length (four bytes, big-endian), then the LZ4 block. */
    static byte[] pack(byte[] raw) {
        byte[] packed = new byte[HEADER + COMPRESSOR.maxCompressedLength(raw.length)];
        packed[0] = LZ4_BLOCK;
        ByteBuffer.wrap(packed, 1, 4).putInt(raw.length);
        int length = COMPRESSOR.compress(raw, 0, raw.length, packed, HEADER);
        return Arrays.copyOf(packed, HEADER + length);
    }

    static byte[] unpack(byte[] packed) {
        if (packed.length > 0 && packed[0] == LZ4_BLOCK) {
            return unpackLz4(packed);
        }
        return inflate(packed);
    }

    private static byte[] unpackLz4(byte[] packed) {
        if (packed.length < HEADER) {
            throw new IllegalArgumentException("truncated compressed chunk data");
        }
        int length = ByteBuffer.wrap(packed, 1, 4).getInt();
        // an LZ4 block expands at most about 255 times: a larger length is damage, not a reason to allocate it
        if (length < 0 || length > (long) (packed.length - HEADER) * 256) {
            throw new IllegalArgumentException("corrupt compressed chunk data: a length of " + length + " bytes");
        }
        byte[] raw = new byte[length];
        try {
            int n = DECOMPRESSOR.decompress(packed, HEADER, packed.length - HEADER, raw, 0, length);
            if (n != length) {
                throw new IllegalArgumentException("truncated compressed chunk data");
            }
            return raw;
        } catch (LZ4Exception e) {
            throw new IllegalArgumentException("corrupt compressed chunk data: " + e.getMessage(), e);
        }
    }

    /** The form written before LZ4: a raw deflate stream. */
    private static byte[] inflate(byte[] packed) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
            byte[] buffer = new byte[32 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated compressed chunk data");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt compressed chunk data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
