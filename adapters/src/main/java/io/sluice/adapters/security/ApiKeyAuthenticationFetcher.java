package io.sluice.adapters.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.sluice.application.identity.AuthenticateApiKey;
import io.sluice.application.identity.AuthenticateApiKeyCommand;
import io.sluice.domain.tenant.Caller;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Authenticates requests that carry {@code x-synthetic-key} and {@code x-tenant-name}. A wrong,
 * revoked or other tenant's key authenticates no one, so the request stays anonymous and is refused
 * with 401 wherever credentials are required. A key that authenticated lately is recognised on the
 * event loop; any other is read from storage on the blocking executor.
 */
@Singleton
class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final String KEY_HEADER = "x-synthetic-key";
    static final String TENANT_HEADER = "x-tenant-name";

    private final AuthenticateApiKey authenticateApiKey;
    private final CallerAuthentication callers;
    private final ExecutorService blocking;

    ApiKeyAuthenticationFetcher(AuthenticateApiKey authenticateApiKey, CallerAuthentication callers,
                                @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticateApiKey = authenticateApiKey;
        this.callers = callers;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String key = request.getHeaders().get(KEY_HEADER);
        if (key == null) {
            return Mono.empty();
        }
        String tenant = request.getHeaders().get(TENANT_HEADER, String.class).orElse("");
        AuthenticateApiKeyCommand command = new AuthenticateApiKeyCommand(key, tenant);
        Optional<Caller> recognised = authenticateApiKey.recognise(command);
        if (recognised.isPresent()) {
            return Mono.just(authentication(recognised.get()));
        }
        return Mono.fromCallable(() -> authenticateApiKey.authenticate(command))
                .subscribeOn(Schedulers.fromExecutorService(blocking))
                .flatMap(caller -> caller.map(this::authentication).map(Mono::just).orElseGet(Mono::empty));
    }

    private Authentication authentication(Caller caller) {
        return callers.authentication(caller, Map.of("auth_method", "api_key"));
    }
}
