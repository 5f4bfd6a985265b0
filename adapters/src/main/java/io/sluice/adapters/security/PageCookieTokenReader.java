package io.sluice.adapters.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.CookieBasedAuthenticationModeCondition;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.CookieTokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the dashboard's session cookie on page routes only. The REST API ({@code /login} and
 * {@code /{tenant}/api/...}) takes bearer tokens and API keys and ignores the cookie, so a page
 * on another site can never make a browser call the API with its user's session; the pages
 * themselves are guarded by the CSRF filter.
 */
@Singleton
@Replaces(CookieTokenReader.class)
@Requires(condition = CookieBasedAuthenticationModeCondition.class)
class PageCookieTokenReader extends CookieTokenReader {

    PageCookieTokenReader(AccessTokenCookieConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!ProblemAuthorizationExceptionHandler.isPageRoute(request)) {
            return Optional.empty();
        }
        return super.findToken(request);
    }
}
