package io.sluice.webapp.dashboard;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;

/** The page for anything the caller's tenant does not have (or the caller may not see): a 404. */
final class NotFoundPage {

    private NotFoundPage() {
    }

    static MutableHttpResponse<?> response() {
        return HttpResponse.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("not-found", new HashMap<>()));
    }
}
