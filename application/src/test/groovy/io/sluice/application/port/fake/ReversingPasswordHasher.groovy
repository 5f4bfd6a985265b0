package io.sluice.application.port.fake

import io.sluice.application.port.PasswordHasher

/** A fast, obviously insecure stand-in for the adaptive hasher, salted so that two hashes differ. */
class ReversingPasswordHasher implements PasswordHasher {

    private int salt

    /** How many passwords were compared so far. */
    int comparisons

    @Override
    synchronized String hash(String password) {
        "fake\$${salt++}\$${password.reverse()}"
    }

    @Override
    boolean matches(String password, String encodedHash) {
        comparisons++
        def parts = encodedHash.split('\\$', 3)
        parts.length == 3 && parts[0] == 'fake' && parts[2] == password.reverse()
    }
}
