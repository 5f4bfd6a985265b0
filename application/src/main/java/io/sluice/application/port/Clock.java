package io.sluice.application.port;

import java.time.Instant;

/**
 * The time as Sluice sees it. Every timer (inactivity timeout, buffer release, chunk leases)
 * reads the time through this port so that tests can drive it.
 */
public interface Clock {

    /** The current instant; never goes backwards within one node. */
    Instant now();
}
