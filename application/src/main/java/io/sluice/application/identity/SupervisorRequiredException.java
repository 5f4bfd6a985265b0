package io.sluice.application.identity;

import io.sluice.domain.tenant.Caller;

/** A caller without the supervisor role asked for something only a supervisor may do. */
public class SupervisorRequiredException extends RuntimeException {

    public SupervisorRequiredException(String action) {
        super("only a caller with role " + Caller.SUPERVISOR + " may " + action);
    }

    static void check(Caller caller, String action) {
        if (!caller.isSupervisor()) {
            throw new SupervisorRequiredException(action);
        }
    }
}
