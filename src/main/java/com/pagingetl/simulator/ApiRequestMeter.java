package com.pagingetl.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the API requests a simulator receives and remembers when the first one arrived since the last
 * reset, so that a benchmark can tell how long a client took from its process start to its first request,
 * and how many requests it made. The {@link SimAdmin} of every simulator serves it:
 * {@code GET /__admin/sim/requests} answers {@code {"requests":n,"firstRequestEpochMs":t}} ({@code t} is 0
 * before any request) and {@code POST /__admin/sim/requests/reset} zeroes both.
 *
 * <p>Thread-safe (atomics); a request racing a reset is counted on one side of it.
 */
public final class ApiRequestMeter {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong firstRequestEpochMs = new AtomicLong();

    /** Called by the server for each API request it receives (admin requests excluded). */
    public void record() {
        requests.incrementAndGet();
        if (firstRequestEpochMs.get() == 0) {
            firstRequestEpochMs.compareAndSet(0, System.currentTimeMillis());
        }
    }

    public void reset() {
        firstRequestEpochMs.set(0);
        requests.set(0);
    }

    public long requests() {
        return requests.get();
    }

    /** Wall-clock time of the first API request since the last reset, or 0 when none came yet. */
    public long firstRequestEpochMs() {
        return firstRequestEpochMs.get();
    }

    public String json() {
        return "{\"requests\":" + requests() + ",\"firstRequestEpochMs\":" + firstRequestEpochMs() + "}";
    }
}
