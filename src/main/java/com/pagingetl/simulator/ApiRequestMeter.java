package com.pagingetl.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the API requests a simulator receives and remembers when the first one arrived since the last
 * reset, so that a benchmark can tell how long a client took from its process start to its first request,
 * and how many requests it made; the {@link SimAdmin} serves both ({@link #json}). Beside the total, a simulator
 * tallies the kinds of request its tests and status care about ({@link #tally}: a path, a dossiers page, a data
 * query, a 429...); the reset zeroes them too.
 *
 * <p>Thread-safe (atomics); a request racing a reset is counted on one side of it.
 */
public final class ApiRequestMeter {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong firstRequestEpochMs = new AtomicLong();
    private final Map<String, AtomicLong> tallies = new ConcurrentHashMap<>();

    /** Called by the server for each API request it receives (admin requests excluded). */
    public void record() {
        requests.incrementAndGet();
        if (firstRequestEpochMs.get() == 0) {
            firstRequestEpochMs.compareAndSet(0, System.currentTimeMillis());
        }
    }

    /** Counts one request of the named kind. */
    public void tally(String kind) {
        tallies.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** Requests of the named kind since the last reset. */
    public long count(String kind) {
        AtomicLong n = tallies.get(kind);
        return n == null ? 0 : n.get();
    }

    /** Every kind tallied since the last reset with its count, sorted by kind. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        tallies.forEach((kind, n) -> out.put(kind, n.get()));
        return out;
    }

    public void reset() {
        firstRequestEpochMs.set(0);
        requests.set(0);
        tallies.clear();
    }

    public long requests() {
        return requests.get();
    }

    /** Wall-clock time of the first API request since the last reset, or 0 when none came yet. */
    public long firstRequestEpochMs() {
        return firstRequestEpochMs.get();
    }

    /** {@code {"requests":n,"firstRequestEpochMs":t}}, {@code t} 0 before any request. */
    public String json() {
        return "{\"requests\":" + requests() + ",\"firstRequestEpochMs\":" + firstRequestEpochMs() + "}";
    }
}
