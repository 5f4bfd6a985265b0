package io.sluice.adapters.time;

import io.sluice.application.port.Clock;
import jakarta.inject.Singleton;

import java.time.Instant;

/** The wall clock of the machine. */
@Singleton
class SystemClock implements Clock {

    @Override
    public Instant now() {
        return Instant.now();
    }
}
