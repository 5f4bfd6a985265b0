package io.sluice.webapp.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.handlers.LogoutHandler;
import io.micronaut.security.rules.SecurityRule;

/**
 * Signing out clears the session cookie (Micronaut Security's cookie logout handler) and goes
 * back to the sign-in page. The token itself stays valid until it expires, as every JWT does.
 */
@Controller("/sign-out")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfChecked
class SignOutController {

    private final LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> logoutHandler;

    SignOutController(LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> logoutHandler) {
        this.logoutHandler = logoutHandler;
    }

    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA}, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Nullable String csrfToken) {
        return logoutHandler.logout(request);
    }
}
