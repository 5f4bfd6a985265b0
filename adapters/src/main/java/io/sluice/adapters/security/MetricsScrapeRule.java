package io.sluice.adapters.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.sluice.domain.tenant.Caller;
import io.sluice.domain.tenant.TenantId;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Locale;

/**
 * Who may read {@code GET /prometheus}. The metrics name every tenant and batch of the platform, so
 * only callers of the operator tenant ({@code sluice.metrics.tenant}, by default the bootstrap tenant)
 * may scrape, and only with the role {@value #METRICS_READER} or as a supervisor. Anyone else
 * authenticated gets 403, an anonymous caller 401. Decided ahead of every other rule.
 */
@Singleton
class MetricsScrapeRule implements SecurityRule<HttpRequest<?>> {

    /** The role of a scraper's API key: it can read metrics and nothing else of a supervisor's. */
    static final String METRICS_READER = "metrics:read";
    static final String PATH = "/prometheus";

    private final CallerAuthentication callers;
    private final TenantId operator;

    MetricsScrapeRule(CallerAuthentication callers,
                      @Nullable @Property(name = "sluice.metrics.tenant") String operatorTenant,
                      @Value("${sluice.bootstrap.tenant:demo}") String bootstrapTenant) {
        this.callers = callers;
        this.operator = TenantId.of(operatorTenant == null || operatorTenant.isBlank() ? bootstrapTenant : operatorTenant);
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || !isMetricsPath(request.getPath())) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        boolean allowed = authentication != null && callers.caller(authentication).map(this::mayScrape).orElse(false);
        return Mono.just(allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    private boolean mayScrape(Caller caller) {
        return caller.tenant().equals(operator) && (caller.isSupervisor() || caller.roles().contains(METRICS_READER));
    }

    static boolean isMetricsPath(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.equalsIgnoreCase(PATH) || trimmed.toLowerCase(Locale.ROOT).startsWith(PATH + "/");
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 100;
    }
}
