package io.sluice.application.identity;

import io.sluice.application.port.PasswordHasher;
import io.sluice.application.port.UserRepository;
import io.sluice.domain.identity.UserAccount;
import io.sluice.domain.tenant.Caller;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Checks a username and password against the users of the named tenant. An unknown user costs a
 * password hash too, so that timing does not tell which usernames exist.
 */
@Singleton
public class Login {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final String decoyHash;

    public Login(UserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
        this.decoyHash = hasher.hash("decoy password compared when the user does not exist");
    }

    /** The caller the credentials identify, or empty when tenant, user or password is wrong. */
    public Optional<Caller> login(LoginCommand command) {
        Optional<UserAccount> user = users.find(command.tenant(), command.username());
        String hash = user.map(UserAccount::passwordHash).orElse(decoyHash);
        boolean matches = hasher.matches(command.password(), hash);
        return user.filter(found -> matches).map(UserAccount::caller);
    }
}
