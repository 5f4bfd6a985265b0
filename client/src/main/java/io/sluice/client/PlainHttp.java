package io.sluice.client;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.KeyManagementException;
import java.security.Provider;
import java.security.SecureRandom;

/**
 * The TLS context given to the HTTP client of a plain {@code http://} connection, which never uses
 * one. JDK 17's {@code HttpClient} otherwise loads the JDK's default context (its providers, cipher
 * suites and trusted certificates, about a tenth of a second of CPU) whatever the scheme, and every
 * command of the command line would wait for it before its first request.
 */
final class PlainHttp {

    static final SSLContext NO_TLS = new SSLContext(new Refusing(), new Provider("sluice-plain-http", "1",
            "no TLS: the connection is plain http") { }, "TLS") { };

    private PlainHttp() {
    }

    private static final class Refusing extends SSLContextSpi {

        private static IllegalStateException refused() {
            return new IllegalStateException("TLS is not set up for a plain http:// connection");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
                throws KeyManagementException {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
