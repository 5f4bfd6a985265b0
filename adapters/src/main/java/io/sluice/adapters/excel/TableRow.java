package io.sluice.adapters.excel;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row of a table output: the table's column names (shared by every row) and this row's
 * values, in column order. An unmodifiable map that iterates in column order, equal to any map
 * with the same entries, built without hashing.
 */
final class TableRow extends AbstractMap<String, Object> {

    private final List<String> columns;
    private final Object[] values;

    TableRow(List<String> columns, Object[] values) {
        this.columns = columns;
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
