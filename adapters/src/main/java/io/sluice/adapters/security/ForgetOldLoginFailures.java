package io.sluice.adapters.security;

import io.micronaut.scheduling.annotation.Scheduled;
import io.sluice.application.identity.Login;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Once an hour, forgets failed logins older than a day (docs/security.md), off the login path. */
@Singleton
class ForgetOldLoginFailures {

    private static final Logger LOG = LoggerFactory.getLogger(ForgetOldLoginFailures.class);

    private final Login login;

    ForgetOldLoginFailures(Login login) {
        this.login = login;
    }

    @Scheduled(fixedDelay = "${sluice.security.forget-login-failures-interval:1h}", initialDelay = "1m")
    void run() {
        try {
            int forgotten = login.forgetOldFailures();
            if (forgotten > 0) {
                LOG.info("Forgot the failed logins of {} names whose last failure is over a day old", forgotten);
            }
        } catch (RuntimeException e) {
            LOG.warn("Forgetting old failed logins failed this round; it runs again later", e);
        }
    }
}
