package io.sluice.webapp

import com.nimbusds.jose.JOSEObjectType
import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.MACSigner
import com.nimbusds.jose.crypto.RSASSASigner
import com.nimbusds.jose.jwk.JWKSet
import com.nimbusds.jose.jwk.RSAKey
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator
import com.nimbusds.jose.util.JSONObjectUtils
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.PlainJWT
import com.nimbusds.jwt.SignedJWT
import com.sun.net.httpserver.HttpServer

import java.nio.charset.StandardCharsets
import java.time.Instant

/**
 * An organisation's identity provider for the specs: an RSA key pair whose public half is served
 * as a JWKS document on a loopback port, and the means to mint tokens, honest or forged.
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String ISSUER = 'https://idp.example.test'
    static final String AUDIENCE = 'sluice-api'

    final RSAKey key = new RSAKeyGenerator(2048).keyID('idp-key-1').generate()
    final RSAKey stranger = new RSAKeyGenerator(2048).keyID('idp-key-1').generate()
    private final HttpServer server

    TestIdentityProvider() {
        server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
        def jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8)
        server.createContext('/jwks.json') { exchange ->
            exchange.responseHeaders.add('Content-Type', 'application/json')
            exchange.sendResponseHeaders(200, jwks.length)
            exchange.responseBody.withCloseable { it.write(jwks) }
        }
        server.start()
    }

    String jwksUrl() {
        "http://127.0.0.1:${server.address.port}/jwks.json"
    }

    /** Claims of a valid token of this provider; override any of them with {@code overrides}. */
    static JWTClaimsSet claims(Map<String, Object> overrides = [:]) {
        def now = Instant.now()
        Map<String, Object> values = [iss: ISSUER, aud: [AUDIENCE], sub: 'u-1234', preferred_username: 'carol',
                                      org: 'demo', groups: ['supervisor:pf'],
                                      exp: now.plusSeconds(600), nbf: now.minusSeconds(5), iat: now.minusSeconds(5)]
        values.putAll(overrides)
        def builder = new JWTClaimsSet.Builder()
        values.each { name, value ->
            if (value != null) {
                builder.claim(name, value instanceof Instant ? Date.from(value) : value)
            }
        }
        builder.build()
    }

    /** Signed RS256 with the provider's key, as the provider would. */
    String token(JWTClaimsSet claims = claims()) {
        sign(claims, key)
    }

    /** Signed RS256 with another RSA key that claims the provider's key id. */
    String tokenOfAStranger(JWTClaimsSet claims = claims()) {
        sign(claims, stranger)
    }

    /** Unsigned, {@code alg: none}. */
    static String unsigned(JWTClaimsSet claims = claims()) {
        new PlainJWT(claims).serialize()
    }

    /**
     * HS256 with the provider's PUBLIC key as the HMAC secret: the algorithm-confusion attack on
     * a server that would verify HS256 with whatever key the JWKS gives it.
     */
    String hmacWithThePublicKey(JWTClaimsSet claims = claims()) {
        def header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.keyID).type(JOSEObjectType.JWT).build()
        def jwt = new SignedJWT(header, claims)
        jwt.sign(new MACSigner(key.toRSAPublicKey().encoded))
        jwt.serialize()
    }

    /** HS256 with {@code secret}: Sluice's own kind of token when the secret is Sluice's. */
    static String hmac(JWTClaimsSet claims, String secret) {
        def jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims)
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)))
        jwt.serialize()
    }

    /** The same token with its payload swapped for {@code claims}, signature kept. */
    static String tampered(String token, Map<String, Object> changes) {
        def parts = token.split('\\.')
        def payload = JSONObjectUtils.parse(new String(Base64.urlDecoder.decode(parts[1]), StandardCharsets.UTF_8))
        payload.putAll(changes)
        def forged = Base64.urlEncoder.withoutPadding().encodeToString(
                JSONObjectUtils.toJSONString(payload).getBytes(StandardCharsets.UTF_8))
        "${parts[0]}.${forged}.${parts[2]}"
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        def header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.keyID).type(JOSEObjectType.JWT).build()
        def jwt = new SignedJWT(header, claims)
        jwt.sign(new RSASSASigner(signingKey))
        jwt.serialize()
    }

    @Override
    void close() {
        server.stop(0)
    }
}
