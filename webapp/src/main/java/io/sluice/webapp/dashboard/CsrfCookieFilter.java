package io.sluice.webapp.dashboard;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;

import java.util.Optional;

/**
 * Gives every browser that opens a page a signed CSRF token in an HttpOnly cookie (issued once,
 * renewed at sign-in), and exposes it to the templates ({@link #token(HttpRequest)}): forms carry
 * it in the field {@code csrfToken}, htmx requests in the header {@code X-CSRF-TOKEN}. Micronaut
 * Security's CSRF filter refuses a form post whose token does not match its cookie or signature.
 */
@ServerFilter("/**")
class CsrfCookieFilter {

    private static final String ISSUED = "sluice.csrf.issued";

    private final CsrfConfiguration configuration;
    private final CsrfTokenGenerator<HttpRequest<?>> generator;

    CsrfCookieFilter(CsrfConfiguration configuration, CsrfTokenGenerator<HttpRequest<?>> generator) {
        this.configuration = configuration;
        this.generator = generator;
    }

    @RequestFilter
    void issue(HttpRequest<?> request) {
        String path = request.getPath();
        if (request.getMethod() == HttpMethod.GET && !path.startsWith("/static/") && !path.startsWith("/webjars/")
                && request.getCookies().findCookie(configuration.getCookieName()).isEmpty()) {
            request.setAttribute(ISSUED, generator.generateCsrfToken(request));
        }
    }

    @ResponseFilter
    void attach(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ISSUED, String.class).ifPresent(token -> response.cookie(
                Cookie.of(configuration.getCookieName(), token)
                        .path("/")
                        .httpOnly(true)
                        .sameSite(SameSite.Strict)
                        .secure(request.isSecure())));
    }

    /** The token the page should embed: the one just issued, else the browser's cookie. */
    Optional<String> token(HttpRequest<?> request) {
        return request.getAttribute(ISSUED, String.class)
                .or(() -> request.getCookies().findCookie(configuration.getCookieName()).map(Cookie::getValue));
    }
}
