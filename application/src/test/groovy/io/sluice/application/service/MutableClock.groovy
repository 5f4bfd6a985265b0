package io.sluice.application.service

import io.sluice.application.port.Clock

import java.time.Instant

/** A clock the specs set. */
class MutableClock implements Clock {

    Instant now = Instant.parse('2026-11-22T10:00:00Z')

    @Override
    Instant now() {
        now
    }
}
