package io.sluice.domain.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret of an API key, as the caller sends it in {@code x-synthetic-key}. Sluice generates
 * 256 random bits behind the recognisable prefix {@value #PREFIX}; an operator may also choose a
 * bootstrap key of at least {@value #MIN_LENGTH} characters.
 *
 * <p>The secret itself is never stored: only {@link #hash()} (SHA-256, which suffices for a secret
 * with this much entropy and costs nothing per request) and {@link #lookup()}, the first 16 hex
 * digits of that hash, which lets storage find the candidate key by index before the full hash is
 * compared in constant time ({@link #matches(String)}). {@link #toString()} never reveals it.
 */
public final class ApiKeySecret {

    public static final String PREFIX = "sk_sluice_";
    public static final int MIN_LENGTH = 24;
    private static final int RANDOM_BYTES = 32;
    private static final int LOOKUP_LENGTH = 16;

    private final String value;

    private ApiKeySecret(String value) {
        this.value = value;
    }

    /** A secret as presented by a caller or an operator. */
    public static ApiKeySecret of(String value) {
        Objects.requireNonNull(value, "api key");
        if (value.length() < MIN_LENGTH || value.length() > 200 || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("an API key is " + MIN_LENGTH
                    + " to 200 printable ASCII characters without spaces");
        }
        return new ApiKeySecret(value);
    }

    /** A fresh secret: the prefix followed by 256 random bits, base64url without padding. */
    public static ApiKeySecret generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The secret in clear, to be shown once to whoever created it. */
    public String reveal() {
        return value;
    }

    /** Hex SHA-256 of the secret: what storage keeps. */
    public String hash() {
        return HexFormat.of().formatHex(sha256(value));
    }

    /** The index under which storage finds the key: a prefix of {@link #hash()}. */
    public String lookup() {
        return hash().substring(0, LOOKUP_LENGTH);
    }

    /** Whether this secret hashes to {@code storedHash}, compared in constant time. */
    public boolean matches(String storedHash) {
        byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeySecret[redacted]";
    }
}
