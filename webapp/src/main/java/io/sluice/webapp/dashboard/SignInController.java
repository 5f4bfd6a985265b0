package io.sluice.webapp.dashboard;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.handlers.LoginHandler;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.sluice.adapters.security.CallerAuthentication;
import io.sluice.application.identity.Login;
import io.sluice.application.identity.LoginCommand;
import io.sluice.application.identity.LoginThrottledException;
import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's sign-in form. A successful sign-in runs the same {@link Login} use case as
 * {@code POST /login} and keeps the same JWT in an HttpOnly cookie (Micronaut Security's cookie
 * login handler, which also renews the CSRF cookie), then redirects to the overview. A wrong
 * sign-in shows the form again with one message for every kind of mistake.
 */
@Controller("/sign-in")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@CsrfChecked
class SignInController {

    private final Login login;
    private final CallerAuthentication callers;
    private final LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler;
    private final String defaultTenant;

    SignInController(Login login, CallerAuthentication callers,
                     LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler,
                     @Value("${sluice.bootstrap.tenant:demo}") String defaultTenant) {
        this.login = login;
        this.callers = callers;
        this.loginHandler = loginHandler;
        this.defaultTenant = defaultTenant;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page() {
        return form(defaultTenant, "", null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Nullable String tenant, @Nullable String username,
                                  @Nullable String password, @Nullable String csrfToken) {
        Optional<Caller> caller;
        try {
            caller = tenant(tenant).flatMap(id -> blank(username) || blank(password)
                    ? Optional.empty()
                    : login.login(new LoginCommand(id, username, password)));
        } catch (LoginThrottledException e) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                    .body(form(tenant, username, "Too many failed sign-ins for this username. Try again in "
                            + e.retryAfterSeconds() + " s."));
        }
        if (caller.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(form(tenant, username, "Tenant, username or password is wrong."));
        }
        return loginHandler.loginSuccess(callers.authentication(caller.get(), Map.of("auth_method", "password")), request);
    }

    private static ModelAndView<Map<String, Object>> form(String tenant, String username, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", tenant == null ? "" : tenant);
        model.put("username", username == null ? "" : username);
        if (error != null) {
            model.put("error", error);
        }
        return new ModelAndView<>("sign-in", model);
    }

    private static Optional<TenantId> tenant(String name) {
        try {
            return blank(name) ? Optional.empty() : Optional.of(TenantId.of(name.trim()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
