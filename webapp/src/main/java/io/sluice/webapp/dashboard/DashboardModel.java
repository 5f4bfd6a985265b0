package io.sluice.webapp.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import io.sluice.adapters.security.CallerAuthentication;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Adds what every page's layout needs to its model: {@code csrfToken} for forms and htmx, and
 * {@code me}, the signed-in {@link io.sluice.domain.tenant.Caller} (absent on the sign-in page),
 * and {@code fmt}, the {@link Formats} for numbers, sizes, times and durations.
 */
@Singleton
class DashboardModel implements ViewModelProcessor<Map<String, Object>> {

    private static final Formats FORMATS = new Formats();

    private final CsrfCookieFilter csrf;
    private final CallerAuthentication callers;

    DashboardModel(CsrfCookieFilter csrf, CallerAuthentication callers) {
        this.csrf = csrf;
        this.callers = callers;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> {
            model.putIfAbsent("fmt", FORMATS);
            csrf.token(request).ifPresent(token -> model.putIfAbsent("csrfToken", token));
            request.getUserPrincipal(Authentication.class)
                    .flatMap(callers::caller)
                    .ifPresent(caller -> model.putIfAbsent("me", caller));
        });
    }
}
