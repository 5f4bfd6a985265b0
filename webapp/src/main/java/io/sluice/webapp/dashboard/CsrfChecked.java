package io.sluice.webapp.dashboard;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every request to an annotated controller other than GET and HEAD must carry the browser's CSRF
 * token: in the header {@code X-CSRF-TOKEN} (htmx) or as the parameter {@code csrfToken} of the
 * controller method (a form field). A missing or wrong token refuses the request with 403 before
 * the method runs ({@link CsrfInterceptor}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
public @interface CsrfChecked {
}
