package io.sluice.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Sluice answered with an error status. {@code code} is the stable machine code of the
 * problem+json body (or {@code http_<status>} when the body had none).
 */
public class SluiceApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Duration retryAfter;

    public SluiceApiException(int status, String code, String detail, Duration retryAfter) {
        super("HTTP " + status + " " + code + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** True for answers that a later identical request may not get: 429 and 5xx. */
    public boolean isTransient() {
        return status == 429 || status >= 500;
    }
}
