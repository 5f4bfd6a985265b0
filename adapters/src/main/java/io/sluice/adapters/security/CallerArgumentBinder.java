package io.sluice.adapters.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.filters.SecurityFilter;
import io.sluice.domain.tenant.Caller;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Binds a controller parameter {@code Caller caller} to the authenticated caller, already checked
 * against the {@code {tenant}} segment of the path when the route has one: another tenant's path
 * answers 404 ({@link TenantMismatchException}), never 403. An anonymous request reaching such a
 * parameter answers 401. API keys were already checked against {@code x-tenant-name} when they
 * were authenticated ({@link ApiKeyAuthenticationFetcher}).
 */
@Singleton
class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {

    static final String TENANT_PATH_VARIABLE = "tenant";
    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

    private final CallerAuthentication callers;

    CallerArgumentBinder(CallerAuthentication callers) {
        this.callers = callers;
    }

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        if (!request.getAttributes().contains(SecurityFilter.KEY)) {
            return BindingResult.unsatisfied();
        }
        Caller caller = request.getUserPrincipal(Authentication.class)
                .flatMap(callers::caller)
                .orElseThrow(() -> new AuthorizationException(null));
        Optional<Object> pathTenant = BasicHttpAttributes.getRouteMatchInfo(request)
                .map(match -> match.getVariableValues().get(TENANT_PATH_VARIABLE));
        if (pathTenant.isPresent() && !caller.tenant().value().equals(pathTenant.get().toString())) {
            throw new TenantMismatchException();
        }
        return () -> Optional.of(caller);
    }
}
