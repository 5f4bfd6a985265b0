package io.sluice.domain.chunk;

import java.time.Instant;
import java.util.Objects;

/**
 * A node's time-limited claim on a chunk. Once it expires the chunk may be taken back and given to
 * another node, so a node that dies loses nothing.
 *
 * @param holder    the node computing the chunk
 * @param expiresAt when the claim lapses unless the chunk is finished first
 */
public record Lease(String holder, Instant expiresAt) {

    public Lease {
        if (holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("a lease needs a holder node");
        }
        Objects.requireNonNull(expiresAt, "lease expiry");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
