package io.sluice.domain.record;

/**
 * A chunk's {@code data.inputs} (or what refers to its columns) is malformed. The message says
 * exactly what and where; {@link #row()} is the index into {@code data.inputs} (0 is the header
 * row, 1 the first record), or -1 when the problem is not in one row.
 */
public final class InvalidRecordTableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int row;

    public InvalidRecordTableException(int row, String message) {
        super(message);
        this.row = row;
    }

    public int row() {
        return row;
    }
}
