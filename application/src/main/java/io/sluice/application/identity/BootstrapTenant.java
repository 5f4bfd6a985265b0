package io.sluice.application.identity;

import io.sluice.application.port.ApiKeyRepository;
import io.sluice.application.port.Clock;
import io.sluice.application.port.PasswordHasher;
import io.sluice.application.port.TenantRepository;
import io.sluice.application.port.UserRepository;
import io.sluice.domain.identity.ApiKey;
import io.sluice.domain.identity.ApiKeySecret;
import io.sluice.domain.identity.UserAccount;
import io.sluice.domain.tenant.Caller;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates the first tenant with a supervisor {@value #ADMIN} and one supervisor API key, once:
 * when the tenant exists already (a restart, or another node that was quicker) nothing changes
 * and nothing is returned, so secrets are never regenerated nor shown twice. The caller runs it in
 * one transaction.
 */
@Singleton
public class BootstrapTenant {

    public static final String ADMIN = "admin";
    private static final Set<String> SUPERVISOR = Set.of(Caller.SUPERVISOR);

    private final TenantRepository tenants;
    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public BootstrapTenant(TenantRepository tenants, UserRepository users, ApiKeyRepository keys,
                           PasswordHasher hasher, Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.keys = keys;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** What was created, or empty when the tenant already existed. */
    public Optional<BootstrappedTenant> bootstrap(BootstrapTenantCommand command) {
        Instant now = clock.now();
        if (!tenants.create(command.tenant(), now)) {
            return Optional.empty();
        }
        String password = command.adminPassword() != null ? command.adminPassword() : generatePassword();
        users.add(new UserAccount(command.tenant(), ADMIN, hasher.hash(password), SUPERVISOR, now));
        ApiKeySecret secret = command.apiKey() != null
                ? ApiKeySecret.of(command.apiKey()) : ApiKeySecret.generate(random);
        keys.add(ApiKey.issue(UUID.randomUUID(), command.tenant(), "bootstrap", ADMIN, SUPERVISOR, secret, now));
        return Optional.of(new BootstrappedTenant(command.tenant(), ADMIN,
                Optional.ofNullable(command.adminPassword() == null ? password : null),
                Optional.ofNullable(command.apiKey() == null ? secret.reveal() : null)));
    }

    private String generatePassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
