package io.sluice.adapters.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.sluice.adapters.rest.Problems;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Missing or invalid credentials answer 401, a caller without the required role 403, both as
 * problem+json with a stable code. An authenticated caller asking for a path that no route serves
 * gets 404 (anonymous callers learn nothing: 401). Browser page routes (anything outside
 * {@code /login} and {@code /{tenant}/api/...}) asking for HTML are redirected to the configured
 * sign-in page instead; htmx requests of an expired session get the same answer as
 * {@code HX-Redirect}, and a refused browser form (a wrong CSRF token, a missing role) a short HTML page.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class ProblemAuthorizationExceptionHandler extends DefaultAuthorizationExceptionHandler {

    @Inject
    ProblemAuthorizationExceptionHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                                         RedirectConfiguration redirectConfiguration,
                                         RedirectService redirectService,
                                         List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                                         @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders, priorToLoginPersistence);
        this.redirects = redirectConfiguration;
    }

    private static final String FORBIDDEN_PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Refused - Sluice</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main><h1>Refused</h1><p>This request was refused: the form was out of date or you lack
            the role it needs. <a href="/">Back to the dashboard</a></p></main></body></html>
            """;

    /** Whether the request is for a dashboard page rather than for the REST API or the API login. */
    static boolean isPageRoute(HttpRequest<?> request) {
        String path = request.getPath();
        return !path.equals("/login") && !path.matches("^/[^/]+/api(/.*)?$");
    }

    private static boolean wantsHtml(HttpRequest<?> request) {
        return request.getHeaders().contains(HX_REQUEST)
                || request.getHeaders().accept().stream().anyMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE));
    }

    static final String HX_REQUEST = "HX-Request";

    private final RedirectConfiguration redirects;

    @Override
    protected boolean shouldRedirect(HttpRequest<?> request, AuthorizationException exception) {
        return isPageRoute(request) && super.shouldRedirect(request, exception);
    }

    @Override
    protected MutableHttpResponse<?> httpResponseWithStatus(HttpRequest<?> request, AuthorizationException exception) {
        if (exception.isForbidden() && BasicHttpAttributes.getRouteMatchInfo(request).isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, "not_found", "no such resource: " + request.getPath());
        }
        if (isPageRoute(request) && !exception.isForbidden() && request.getHeaders().contains(HX_REQUEST)
                && redirects.getUnauthorized() != null) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).header("HX-Redirect", redirects.getUnauthorized().getUrl());
        }
        if (isPageRoute(request) && exception.isForbidden() && wantsHtml(request)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE).body(FORBIDDEN_PAGE);
        }
        if (exception.isForbidden()) {
            return Problems.response(HttpStatus.FORBIDDEN, "forbidden",
                    "your credentials do not grant the role this request needs");
        }
        return Problems.response(HttpStatus.UNAUTHORIZED, "unauthorized",
                "send a bearer token (Authorization: Bearer ...) or an API key (x-synthetic-key with x-tenant-name)")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
