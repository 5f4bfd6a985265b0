package io.sluice.application.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Keys Sluice signs its own tokens with when none is configured, shared by every node of one
 * database. A key is created once and then only read, until an operator removes it to rotate it.
 */
public interface SigningKeyRepository {

    /** The key stored under {@code name}, base64 encoded. */
    Optional<String> find(String name);

    /**
     * Stores {@code key} under {@code name} unless a key of that name exists.
     *
     * @return false, changing nothing, when the name is taken (another node may have won the race)
     */
    boolean addIfAbsent(String name, String key, Instant createdAt);
}
