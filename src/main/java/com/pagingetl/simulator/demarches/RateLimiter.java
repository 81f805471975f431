package com.pagingetl.simulator.demarches;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Rack::Attack's fixed-window throttle: at most {@code limit} POSTs per 60 s window (aligned on the epoch) per raw
 * {@code Authorization} header value; requests without the header are not throttled. Thread-safe (synchronized).
 */
final class RateLimiter {

    static final long PERIOD_SECONDS = 60;

    private final int limit;
    private final LongSupplier clockMillis;
    private final Map<String, long[]> windows = new HashMap<>();

    RateLimiter(int limit, LongSupplier clockMillis) {
        this.limit = limit;
        this.clockMillis = clockMillis;
    }

    /**
     * Counts one request; returns the epoch second at which the current window ends when the request is over the
     * limit, or -1 when it may pass.
     */
    synchronized long throttledUntil(String authorization) {
        if (limit <= 0 || authorization == null) {
            return -1;
        }
        long window = Math.floorDiv(clockMillis.getAsLong() / 1000, PERIOD_SECONDS);
        long[] state = windows.get(authorization);
        if (state == null || state[0] != window) {
            if (windows.size() > 10_000) {
                windows.clear();
            }
            state = new long[]{window, 0};
            windows.put(authorization, state);
        }
        state[1]++;
        return state[1] > limit ? resetOf(window) : -1;
    }

    /** End of the window containing now, in epoch seconds (for injected 429s). */
    long currentReset() {
        return resetOf(Math.floorDiv(clockMillis.getAsLong() / 1000, PERIOD_SECONDS));
    }

    private static long resetOf(long window) {
        return (window + 1) * PERIOD_SECONDS;
    }
}
