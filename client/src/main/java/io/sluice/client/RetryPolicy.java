package io.sluice.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before sending a request again.
 *
 * <p>A 429 waits what its {@code Retry-After} says (or the backoff when it says nothing); a 5xx
 * or a network error waits an exponential backoff with full jitter, capped at {@code maxDelay}.
 * Other errors are never retried. The caller re-sends the very same request: a chunk keeps its
 * id and bytes across attempts, so the server's idempotency makes a re-post harmless.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, RandomGenerator random, Sleeper sleeper) {

    /** Waits; replaced in tests so that backoff costs no wall time. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One attempt at a request. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws IOException;
    }

    /** Which failures a request may be retried after. */
    public enum Scope {
        /** Any 429, 5xx or network error: for idempotent requests. */
        ANY_TRANSIENT,
        /**
         * Only failures where the server did not carry the request out: error answers (429, 5xx)
         * and refused connections, never an exchange cut off midway.
         */
        NOT_PROCESSED
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Ten attempts, 200 ms base, 30 s cap, real sleeping. */
    public static RetryPolicy standard() {
        return new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(30),
                RandomGenerator.getDefault(), d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Runs {@code attempt} until it succeeds or fails for good. A 429 is back-pressure, not a
     * failure: it is retried for as long as the server keeps asking to wait, and it shows the
     * server is alive, so it clears the failure count. Other retriable failures are retried until
     * {@code maxAttempts} attempts in a row have failed.
     */
    public <T> T run(Scope scope, Attempt<T> attempt) throws IOException, InterruptedException {
        int failures = 0;
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (SluiceApiException | IOException e) {
                boolean backPressure = e instanceof SluiceApiException api && api.status() == 429;
                failures = backPressure ? 0 : failures + 1;
                if (failures >= maxAttempts || !retriable(scope, e)) {
                    throw e;
                }
                sleeper.sleep(delay(Math.min(n, 30), e));
            }
        }
    }

    /**
     * The wait before attempt {@code failedAttempt + 1}, after {@code failure}: at least the
     * server's {@code Retry-After} (plus a little jitter so that waiting threads do not return
     * together), else an exponential backoff with full jitter, never above {@code maxDelay}.
     */
    public Duration delay(int failedAttempt, Exception failure) {
        long backoff = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(failedAttempt - 1, 20));
        if (failure instanceof SluiceApiException api && api.retryAfter().isPresent()) {
            long jitter = baseDelay.toMillis() <= 0 ? 0 : random.nextLong(baseDelay.toMillis() + 1);
            return min(api.retryAfter().get().plusMillis(jitter), maxDelay);
        }
        return Duration.ofMillis(backoff <= 0 ? 0 : random.nextLong(backoff + 1));
    }

    private static boolean retriable(Scope scope, Exception e) {
        if (e instanceof SluiceApiException api) {
            return api.isTransient();
        }
        if (scope == Scope.ANY_TRANSIENT) {
            return e instanceof IOException;
        }
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
