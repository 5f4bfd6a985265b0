package io.sluice.webapp.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.sluice.application.identity.ApiKeyNotFoundException;
import io.sluice.application.identity.CreateApiKey;
import io.sluice.application.identity.CreateApiKeyCommand;
import io.sluice.application.identity.CreatedApiKey;
import io.sluice.application.identity.ListApiKeys;
import io.sluice.application.identity.RevokeApiKey;
import io.sluice.application.identity.RevokeApiKeyCommand;
import io.sluice.application.identity.SupervisorRequiredException;
import io.sluice.domain.tenant.Caller;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * API keys of the tenant, for supervisors (the use cases refuse anyone else, shown as a 403 page):
 * list with last use, create (the secret is shown on the answering page only), revoke.
 */
@Controller("/api-keys")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@CsrfChecked
class ApiKeysController {

    private final ListApiKeys listKeys;
    private final CreateApiKey createKey;
    private final RevokeApiKey revokeKey;

    ApiKeysController(ListApiKeys listKeys, CreateApiKey createKey, RevokeApiKey revokeKey) {
        this.listKeys = listKeys;
        this.createKey = createKey;
        this.revokeKey = revokeKey;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request, Caller caller) {
        return page(request, caller, HttpStatus.OK, new HashMap<>());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> create(HttpRequest<?> request, Caller caller, @Nullable String name, @Nullable String owner,
                                  @Nullable String roles, @Nullable String csrfToken) {
        Map<String, Object> model = new HashMap<>();
        try {
            CreatedApiKey created = createKey.create(new CreateApiKeyCommand(caller, name == null ? "" : name.trim(),
                    owner == null || owner.isBlank() ? null : owner.trim(), roles(roles)));
            model.put("created", created.key());
            model.put("secret", created.secret());
            return page(request, caller, HttpStatus.CREATED, model);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            model.put("createError", invalid.getMessage());
            return page(request, caller, HttpStatus.UNPROCESSABLE_ENTITY, model);
        } catch (SupervisorRequiredException notSupervisor) {
            return forbidden();
        }
    }

    @Post(value = "/{id}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> revoke(HttpRequest<?> request, Caller caller, String id, @Nullable String csrfToken) {
        try {
            revokeKey.revoke(new RevokeApiKeyCommand(caller, UUID.fromString(id)));
            return page(request, caller, HttpStatus.OK, new HashMap<>(Map.of("notice", "The key was revoked.")));
        } catch (ApiKeyNotFoundException | IllegalArgumentException unknown) {
            return NotFoundPage.response();
        } catch (SupervisorRequiredException notSupervisor) {
            return forbidden();
        }
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, Caller caller, HttpStatus status, Map<String, Object> model) {
        try {
            model.put("keys", listKeys.list(caller));
        } catch (SupervisorRequiredException notSupervisor) {
            return forbidden();
        }
        return HttpResponse.status(status).body(Pages.pageOrFragment(request, "api-keys/list", "api-keys/_keys", model));
    }

    private static MutableHttpResponse<?> forbidden() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("supervisors-only", new HashMap<>()));
    }

    private static Set<String> roles(String roles) {
        return roles == null || roles.isBlank() ? Set.of()
                : Arrays.stream(roles.split("[,\\s]+")).filter(role -> !role.isBlank()).collect(Collectors.toSet());
    }
}
