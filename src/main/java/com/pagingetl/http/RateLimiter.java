package com.pagingetl.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A client-side request pace shared by every thread of one job, plus a shared pause: when one thread
 * learns that the server's window is exhausted (429 with a reset time), all threads wait for it
 * instead of each spending its own attempts.
 *
 * <p>Thread-safe. Slots are handed out in order under a lock; the waiting happens outside it.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final Clock clock;
    private long nextSlotNanos;
    private Instant pausedUntil = Instant.MIN;

    public RateLimiter(double requestsPerSecond) {
        this(requestsPerSecond, Clock.systemUTC());
    }

    RateLimiter(double requestsPerSecond, Clock clock) {
        this.intervalNanos = requestsPerSecond <= 0 ? 0 : (long) (1_000_000_000L / requestsPerSecond);
        this.clock = clock;
        this.nextSlotNanos = System.nanoTime();
    }

    /** Blocks until this thread may send a request. */
    public void acquire() throws InterruptedException {
        Duration pause = pauseRemaining();
        if (!pause.isZero()) {
            Thread.sleep(pause.toMillis());
        }
        if (intervalNanos == 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlotNanos);
            nextSlotNanos = slot + intervalNanos;
            waitNanos = slot - now;
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    /** Makes every thread wait until {@code until} before its next request. */
    public synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    synchronized Duration pauseRemaining() {
        Duration remaining = Duration.between(clock.instant(), pausedUntil);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }
}
