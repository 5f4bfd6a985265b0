package io.sluice.client.batch;

/** A run stopped before every record came back; the batch was cancelled when it could be. */
public class RunFailedException extends RuntimeException {

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
