package io.sluice.domain.record;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Values under keys that many maps share, such as the columns of a table output's rows or the
 * requested outputs of a chunk's records: an unmodifiable map that iterates in the keys' order,
 * equal to any map with the same entries, built without hashing. {@link RecordOutcome} keeps one
 * as it is instead of copying it.
 */
public final class FixedKeyMap extends AbstractMap<String, Object> {

    private final List<String> columns;
    private final Object[] values;

    /**
     * A map of {@code keys.get(i)} to {@code values[i]}. The keys must be distinct and never change
     * (an unmodifiable list, shared by many maps); the array is taken over, not copied, so the
     * caller must not touch it afterwards.
     */
    public FixedKeyMap(List<String> keys, Object[] values) {
        if (keys.size() != values.length) {
            throw new IllegalArgumentException(keys.size() + " keys for " + values.length + " values");
        }
        this.columns = keys;
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return columns.indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = columns.indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(columns.get(i), values[i]);
                    }
                };
            }
        };
    }
}
