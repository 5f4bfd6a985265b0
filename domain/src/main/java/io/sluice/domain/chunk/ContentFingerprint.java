package io.sluice.domain.chunk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 of a chunk's canonical payload bytes, in lower-case hex. Two posts of the same chunk
 * id are the same chunk exactly when their fingerprints are equal; the caller decides what the
 * canonical bytes are (the same for a JSON and a BSON post of the same content) and must compute
 * them the same way every time.
 */
public record ContentFingerprint(String sha256Hex) {

    private static final HexFormat HEX = HexFormat.of();

    public ContentFingerprint {
        Objects.requireNonNull(sha256Hex, "fingerprint");
        if (sha256Hex.length() != 64 || !sha256Hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits, was '" + sha256Hex + "'");
        }
    }

    public static ContentFingerprint of(byte[] canonicalPayload) {
        return new ContentFingerprint(HEX.formatHex(sha256().digest(canonicalPayload)));
    }

    public static ContentFingerprint of(String canonicalPayload) {
        return of(canonicalPayload.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
