package io.sluice.application.identity;

import io.sluice.domain.identity.Names;
import io.sluice.domain.tenant.Caller;

import java.util.Objects;
import java.util.Set;

/**
 * A new API key for the caller's tenant.
 *
 * @param caller who asks; must be a supervisor
 * @param name   a label for the key, such as the integration that will use it
 * @param owner  the caller name requests made with the key act as; null for the caller itself
 * @param roles  roles the key grants
 */
public record CreateApiKeyCommand(Caller caller, String name, String owner, Set<String> roles) {

    public CreateApiKeyCommand {
        Objects.requireNonNull(caller, "caller");
        Names.requireLabel(name, "API key name");
        owner = owner == null ? caller.name() : Names.requireUsername(owner);
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
        roles.forEach(Names::requireRole);
    }
}
