package io.sluice.adapters.excel;

import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationSheet;

import java.util.BitSet;

/** An immutable sheet of frozen cells, addressed by row and column in O(1). */
final class FrozenSheet implements EvaluationSheet, SheetIndexed {

    private final int index;
    private final String name;
    private FrozenCell[][] rows = new FrozenCell[0][];
    private final BitSet hiddenRows = new BitSet();
    private int lastRow = -1;

    FrozenSheet(int index, String name) {
        this.index = index;
        this.name = name;
    }

    /** Only while freezing. */
    void put(FrozenCell cell) {
        int r = cell.getRowIndex();
        int c = cell.getColumnIndex();
        if (r >= rows.length) {
            FrozenCell[][] grown = new FrozenCell[Math.max(r + 1, rows.length * 2)][];
            System.arraycopy(rows, 0, grown, 0, rows.length);
            rows = grown;
        }
        FrozenCell[] row = rows[r];
        if (row == null || c >= row.length) {
            FrozenCell[] grown = new FrozenCell[Math.max(c + 1, row == null ? 4 : row.length * 2)];
            if (row != null) {
                System.arraycopy(row, 0, grown, 0, row.length);
            }
            rows[r] = grown;
        }
        rows[r][c] = cell;
        lastRow = Math.max(lastRow, r);
    }

    /** Only while freezing. */
    void hideRow(int row) {
        hiddenRows.set(row);
    }

    String name() {
        return name;
    }

    @Override
    public int index() {
        return index;
    }

    FrozenCell cell(int row, int column) {
        if (row < 0 || row >= rows.length) {
            return null;
        }
        FrozenCell[] cells = rows[row];
        return cells == null || column < 0 || column >= cells.length ? null : cells[column];
    }

    /** Every cell, row by row. */
    Iterable<FrozenCell> cells() {
        return () -> java.util.Arrays.stream(rows).filter(java.util.Objects::nonNull)
                .flatMap(java.util.Arrays::stream).filter(java.util.Objects::nonNull).iterator();
    }

    @Override
    public EvaluationCell getCell(int rowIndex, int columnIndex) {
        return cell(rowIndex, columnIndex);
    }

    @Override
    public void clearAllCachedResultValues() {
        // immutable: nothing cached here
    }

    @Override
    public int getLastRowNum() {
        return lastRow;
    }

    @Override
    public boolean isRowHidden(int rowIndex) {
        return hiddenRows.get(rowIndex);
    }
}
