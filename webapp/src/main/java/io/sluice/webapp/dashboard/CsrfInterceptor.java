package io.sluice.webapp.dashboard;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Checks the CSRF token of {@link CsrfChecked} controllers with Micronaut Security's validator
 * (the token must equal the browser's CSRF cookie and carry a valid signature). It runs once the
 * form body is bound, so the check is synchronous and sees the form field.
 */
@Singleton
@InterceptorBean(CsrfChecked.class)
class CsrfInterceptor implements MethodInterceptor<Object, Object> {

    private final CsrfConfiguration configuration;
    private final CsrfTokenValidator<HttpRequest<?>> validator;

    CsrfInterceptor(CsrfConfiguration configuration, CsrfTokenValidator<HttpRequest<?>> validator) {
        this.configuration = configuration;
        this.validator = validator;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new CsrfRejectedException("no request to check"));
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            String token = request.getHeaders().get(configuration.getHeaderName());
            if (token == null) {
                token = formField(context).orElse(null);
            }
            if (token == null || token.isBlank() || !validator.validateCsrfToken(request, token)) {
                throw new CsrfRejectedException("missing or wrong CSRF token");
            }
        }
        return context.proceed();
    }

    private Optional<String> formField(MethodInvocationContext<Object, Object> context) {
        MutableArgumentValue<?> value = context.getParameters().get(configuration.getFieldName());
        return value == null ? Optional.empty() : Optional.ofNullable(value.getValue()).map(Object::toString);
    }
}
