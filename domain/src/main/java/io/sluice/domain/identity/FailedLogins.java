package io.sluice.domain.identity;

import java.time.Instant;
import java.util.Objects;

/** Consecutive failed logins of one username of one tenant since its last success, and the last one's time. */
public record FailedLogins(int count, Instant last) {

    public FailedLogins {
        Objects.requireNonNull(last, "last");
        if (count < 1) {
            throw new IllegalArgumentException("failed logins count from 1, was " + count);
        }
    }
}
