package io.sluice.webapp.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** Chooses between a full page and its fragment: htmx requests ({@code HX-Request}) get the fragment. */
final class Pages {

    static final String HX_REQUEST = "HX-Request";

    private Pages() {
    }

    static boolean isHtmx(HttpRequest<?> request) {
        return request.getHeaders().contains(HX_REQUEST);
    }

    /** {@code fragment} for htmx requests, {@code page} (which includes the fragment) otherwise. */
    static ModelAndView<Map<String, Object>> pageOrFragment(HttpRequest<?> request, String page, String fragment,
                                                            Map<String, Object> model) {
        return new ModelAndView<>(isHtmx(request) ? fragment : page, model);
    }
}
