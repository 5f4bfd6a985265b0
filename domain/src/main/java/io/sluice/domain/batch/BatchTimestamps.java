package io.sluice.domain.batch;

import java.time.Instant;
import java.util.Objects;

/**
 * When things happened to a batch. {@code created}, {@code updated} and {@code lastActivity} are
 * always set; the others stay null until they happen.
 *
 * @param admitted     when the tenant's buffer pool took the batch in (null while pending or never)
 * @param started      when the first chunk was accepted
 * @param closed       when intake stopped (closed, closed by timeout or cancelled)
 * @param finished     when the batch reached a final status
 * @param lastActivity the last chunk post or result fetch; the inactivity timeout counts from here
 */
public record BatchTimestamps(Instant created, Instant updated, Instant admitted, Instant started, Instant closed,
                              Instant finished, Instant lastActivity) {

    public BatchTimestamps {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(lastActivity, "last activity");
    }

    public static BatchTimestamps createdAt(Instant now) {
        return new BatchTimestamps(now, now, null, null, null, null, now);
    }

    BatchTimestamps updatedAt(Instant now) {
        return new BatchTimestamps(created, now, admitted, started, closed, finished, lastActivity);
    }

    BatchTimestamps admittedAt(Instant now) {
        return new BatchTimestamps(created, now, now, started, closed, finished, now);
    }

    BatchTimestamps startedAt(Instant now) {
        return new BatchTimestamps(created, now, admitted, started == null ? now : started, closed, finished, now);
    }

    BatchTimestamps closedAt(Instant now) {
        return new BatchTimestamps(created, now, admitted, started, closed == null ? now : closed, finished, lastActivity);
    }

    BatchTimestamps finishedAt(Instant now) {
        return new BatchTimestamps(created, now, admitted, started, closed == null ? now : closed, now, lastActivity);
    }

    BatchTimestamps activeAt(Instant now) {
        return new BatchTimestamps(created, now, admitted, started, closed, finished, now);
    }
}
