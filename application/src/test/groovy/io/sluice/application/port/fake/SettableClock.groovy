package io.sluice.application.port.fake

import io.sluice.application.port.Clock

import java.time.Duration
import java.time.Instant

/** A clock that stands still until a spec moves it. */
class SettableClock implements Clock {

    Instant now = Instant.parse('2026-01-01T10:00:00Z')

    @Override
    Instant now() {
        now
    }

    void advance(Duration duration) {
        now = now.plus(duration)
    }
}
