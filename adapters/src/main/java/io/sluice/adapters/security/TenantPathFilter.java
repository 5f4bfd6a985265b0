package io.sluice.adapters.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.sluice.adapters.rest.Problems;
import io.sluice.domain.tenant.Caller;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nothing across tenants, even where a controller forgets to declare a {@link Caller}: an
 * authenticated request to {@code /{tenant}/api/...} of a tenant other than the caller's answers
 * 404 problem+json before any controller runs. Runs right after Micronaut Security's filter, which
 * has already refused anonymous requests.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class TenantPathFilter implements Ordered {

    private static final Pattern TENANT_PATH = Pattern.compile("^/([^/]+)/api(/.*)?$");

    private final CallerAuthentication callers;

    TenantPathFilter(CallerAuthentication callers) {
        this.callers = callers;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseOtherTenants(HttpRequest<?> request) {
        Matcher path = TENANT_PATH.matcher(request.getPath());
        if (!path.matches()) {
            return null;
        }
        Optional<Caller> caller = request.getUserPrincipal(Authentication.class).flatMap(callers::caller);
        if (caller.isEmpty() || caller.get().tenant().value().equals(path.group(1))) {
            return null;
        }
        return Problems.response(HttpStatus.NOT_FOUND, "not_found", "no such resource: " + request.getPath());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
