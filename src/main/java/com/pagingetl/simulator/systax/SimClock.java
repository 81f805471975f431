package com.pagingetl.simulator.systax;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's notion of now: the system clock plus an offset tests can move forward, so token
 * expiry is tested without sleeping. Thread-safe.
 */
final class SimClock {

    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();

    SimClock(Clock base) {
        this.base = base;
    }

    Instant now() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the simulated clock only moves forward: " + duration);
        }
        offsetMillis.addAndGet(duration.toMillis());
    }
}
