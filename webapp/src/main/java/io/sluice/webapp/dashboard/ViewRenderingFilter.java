package io.sluice.webapp.dashboard;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.views.exceptions.ViewNotFoundException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders the {@link ModelAndView} bodies that Micronaut Views' own filter leaves alone: those of
 * exception handlers, such as the refused-CSRF page. Controllers' pages are rendered by Micronaut
 * Views before they get here.
 */
@ServerFilter("/**")
class ViewRenderingFilter implements Ordered {

    private final ViewsRendererLocator renderers;
    private final ViewsModelDecorator decorator;

    ViewRenderingFilter(ViewsRendererLocator renderers, ViewsModelDecorator decorator) {
        this.renderers = renderers;
        this.decorator = decorator;
    }

    @ResponseFilter
    void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.body() instanceof ModelAndView<?> page) || page.getView().isEmpty()) {
            return;
        }
        String view = page.getView().get();
        decorator.decorate(request, page);
        Object model = page.getModel().orElse(null);
        @SuppressWarnings("unchecked")
        ViewsRenderer<Object, HttpRequest<?>> renderer = (ViewsRenderer<Object, HttpRequest<?>>) renderers
                .resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                .orElseThrow(() -> new ViewNotFoundException("no renderer for view " + view));
        StringWriter html = new StringWriter();
        try {
            renderer.render(view, model, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        response.body(html.toString()).contentType(MediaType.TEXT_HTML + ";charset=UTF-8");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.order();
    }
}
