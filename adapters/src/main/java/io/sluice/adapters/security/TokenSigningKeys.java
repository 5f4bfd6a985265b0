package io.sluice.adapters.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.sluice.application.port.Clock;
import io.sluice.application.port.SigningKeyRepository;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HS256 key Sluice signs and checks its own tokens with. Secure by default: no key is ever
 * part of the sources. When {@code sluice.security.token.secret} is set (at least 32 bytes) it is
 * the key; otherwise a 256-bit key is generated at first start and kept in the database, so that
 * every node of one database shares it and restarts keep tokens valid. During a rotation
 * {@code sluice.security.token.previous-secret} is still accepted for checking, never for signing.
 */
@Factory
class TokenSigningKeys {

    static final String STORED_KEY_NAME = "token-hs256";
    private static final int MIN_SECRET_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(TokenSigningKeys.class);

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration signingKey(@Nullable @Value("${sluice.security.token.secret:}") String configured,
                                               SigningKeyRepository stored, Clock clock) {
        if (configured != null && !configured.isBlank()) {
            return signature("generator", configured, false);
        }
        return signature("generator", storedKey(stored, clock), true);
    }

    @Singleton
    @Named("previous")
    @Requires(property = "sluice.security.token.previous-secret")
    SignatureConfiguration previousKey(@Value("${sluice.security.token.previous-secret}") String previous) {
        return signature("previous", previous, false);
    }

    private static String storedKey(SigningKeyRepository stored, Clock clock) {
        return stored.find(STORED_KEY_NAME).orElseGet(() -> {
            byte[] bytes = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(bytes);
            if (stored.addIfAbsent(STORED_KEY_NAME, Base64.getEncoder().encodeToString(bytes), clock.now())) {
                LOG.info("Generated the token signing key and stored it in the database");
            }
            return stored.find(STORED_KEY_NAME).orElseThrow();
        });
    }

    private static SecretSignature signature(String name, String secret, boolean base64) {
        int length = base64 ? Base64.getDecoder().decode(secret).length : secret.getBytes(StandardCharsets.UTF_8).length;
        if (length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("a token signing secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration(name);
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setSecret(secret);
        configuration.setBase64(base64);
        return new SecretSignature(configuration);
    }
}
