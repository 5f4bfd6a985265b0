package io.sluice.application.port;

/**
 * Hashes passwords with a slow, salted, adaptive algorithm. The encoded hash carries its own
 * algorithm, salt and cost, so that stronger parameters apply to new hashes without breaking old ones.
 */
public interface PasswordHasher {

    /** A fresh salted hash of {@code password}; two calls give different hashes. */
    String hash(String password);

    /** Whether {@code password} is the one {@code encodedHash} was made from; false for a malformed hash. */
    boolean matches(String password, String encodedHash);
}
