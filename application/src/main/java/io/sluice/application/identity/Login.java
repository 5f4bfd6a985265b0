package io.sluice.application.identity;

import io.sluice.application.port.Clock;
import io.sluice.application.port.LoginAttempts;
import io.sluice.application.port.PasswordHasher;
import io.sluice.application.port.UserRepository;
import io.sluice.domain.identity.FailedLogins;
import io.sluice.domain.identity.LoginThrottle;
import io.sluice.domain.identity.UserAccount;
import io.sluice.domain.tenant.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a username and password against the users of the named tenant. An unknown user costs a
 * password hash too, so that timing does not tell which usernames exist. Consecutive failures of
 * one name lock it for a growing time ({@link LoginThrottle}); a locked name is refused before
 * its password is looked at, whether the user exists or not.
 */
@Singleton
public class Login {

    /** Failures older than this are forgotten, so that guessed names do not pile up. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginAttempts attempts;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final String decoyHash;

    @Inject
    public Login(UserRepository users, PasswordHasher hasher, LoginAttempts attempts, Clock clock) {
        this(users, hasher, attempts, clock, LoginThrottle.standard());
    }

    public Login(UserRepository users, PasswordHasher hasher, LoginAttempts attempts, Clock clock, LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.attempts = attempts;
        this.clock = clock;
        this.throttle = throttle;
        this.decoyHash = hasher.hash("decoy password compared when the user does not exist");
    }

    /**
     * The caller the credentials identify, or empty when tenant, user or password is wrong.
     *
     * @throws LoginThrottledException when this name failed too often just now
     */
    public Optional<Caller> login(LoginCommand command) {
        Instant now = clock.now();
        Optional<FailedLogins> failed = attempts.failures(command.tenant(), command.username());
        if (failed.isPresent()) {
            Instant lockedUntil = throttle.lockedUntil(failed.get());
            if (now.isBefore(lockedUntil)) {
                throw new LoginThrottledException(Duration.between(now, lockedUntil));
            }
        }
        Optional<UserAccount> user = users.find(command.tenant(), command.username());
        String hash = user.map(UserAccount::passwordHash).orElse(decoyHash);
        boolean matches = hasher.matches(command.password(), hash);
        Optional<Caller> caller = user.filter(found -> matches).map(UserAccount::caller);
        if (caller.isPresent()) {
            failed.ifPresent(f -> attempts.clear(command.tenant(), command.username()));
        } else {
            attempts.recordFailure(command.tenant(), command.username(), now);
        }
        return caller;
    }

    /**
     * Forgets names whose last failure is older than a day, so that guessed names do not pile up;
     * run now and then, never on the login path an attacker hammers. Answers how many.
     */
    public int forgetOldFailures() {
        return attempts.forgetBefore(clock.now().minus(FORGET_AFTER));
    }
}
