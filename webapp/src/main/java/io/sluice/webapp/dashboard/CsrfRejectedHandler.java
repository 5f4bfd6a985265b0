package io.sluice.webapp.dashboard;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.util.HashMap;

/** A refused CSRF check answers 403 with a short page (or its fragment, for htmx). */
@Produces
@Singleton
@Requires(classes = {CsrfRejectedException.class, ExceptionHandler.class})
class CsrfRejectedHandler implements ExceptionHandler<CsrfRejectedException, HttpResponse<?>> {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public HttpResponse<?> handle(HttpRequest request, CsrfRejectedException exception) {
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body(Pages.pageOrFragment(request, "refused", "refused/_message", new HashMap<>()));
    }
}
