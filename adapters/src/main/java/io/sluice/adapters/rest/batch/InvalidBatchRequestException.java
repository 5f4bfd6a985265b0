package io.sluice.adapters.rest.batch;

/** A Batch API request that is malformed or out of range; the message says what and where. */
final class InvalidBatchRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidBatchRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
