package io.sluice.adapters.pipeline

import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import io.sluice.application.port.Clock
import jakarta.inject.Singleton

import java.time.Duration
import java.time.Instant

/** A clock tests move by hand; it starts at the real time. */
@Singleton
@Replaces(Clock)
@Requires(property = 'sluice.test.mutable-clock', value = 'true')
class MutableClock implements Clock {

    private volatile Instant now = Instant.now()

    @Override
    Instant now() {
        now
    }

    void advance(Duration duration) {
        now = now.plus(duration)
    }
}
