package io.sluice.adapters.security;

import io.sluice.application.port.PasswordHasher;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id with Spring Security's current recommended parameters (16 MiB, 2 iterations,
 * 16-byte salt); the encoded hash records its parameters, so raising them later keeps old hashes valid.
 */
@Singleton
class Argon2PasswordHasher implements PasswordHasher {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    @Override
    public String hash(String password) {
        return encoder.encode(password);
    }

    @Override
    public boolean matches(String password, String encodedHash) {
        return encoder.matches(password, encodedHash);
    }
}
