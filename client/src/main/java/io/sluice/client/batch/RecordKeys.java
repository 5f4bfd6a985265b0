package io.sluice.client.batch;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The keys of a chunk's records, in input order, held as one text and the end of each key rather
 * than as a string each: a chunk waits for its result with ten thousand of them, and sixteen chunks
 * in flight made a hundred and sixty thousand strings that every collection of the command line's
 * young objects had to copy. {@link #get} makes a string when asked; {@link #is} compares without
 * one. Filled by the chunker, read-only once the chunk is out.
 */
public final class RecordKeys extends AbstractList<String> implements RandomAccess {

    private final StringBuilder text = new StringBuilder();
    private int[] ends = new int[64];
    private int size;

    void append(String key) {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
        }
        text.append(key);
        ends[size++] = text.length();
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, size);
        return text.substring(start(index), ends[index]);
    }

    /** Whether the key of record {@code index} is {@code key}. */
    public boolean is(int index, String key) {
        Objects.checkIndex(index, size);
        int start = start(index);
        int length = ends[index] - start;
        if (key.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(start + i) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    private int start(int index) {
        return index == 0 ? 0 : ends[index - 1];
    }
}
