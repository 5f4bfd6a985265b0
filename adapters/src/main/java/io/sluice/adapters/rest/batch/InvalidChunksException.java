package io.sluice.adapters.rest.batch;

/**
 * A chunk post that cannot be read: says what is wrong and where ({@code chunkIndex} is the
 * position in {@code chunks}, {@code row} the position in {@code data.inputs}; -1 when not
 * applicable).
 */
final class InvalidChunksException extends RuntimeException {

    private final int chunkIndex;
    private final int row;

    InvalidChunksException(String message, int chunkIndex, int row) {
        super(message);
        this.chunkIndex = chunkIndex;
        this.row = row;
    }

    static InvalidChunksException at(int chunkIndex, String message) {
        return new InvalidChunksException("chunks[" + chunkIndex + "]: " + message, chunkIndex, -1);
    }

    static InvalidChunksException atRow(int chunkIndex, int row, String message) {
        return new InvalidChunksException("chunks[" + chunkIndex + "].data.inputs[" + row + "]: " + message, chunkIndex, row);
    }

    int chunkIndex() {
        return chunkIndex;
    }

    int row() {
        return row;
    }
}
