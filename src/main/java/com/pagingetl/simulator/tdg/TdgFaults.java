package com.pagingetl.simulator.tdg;

import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the simulator injects: one-shot faults queued by tests ({@link #injectNext}), "every request
 * after the n-th fails", and random server errors and connection resets at configured rates.
 *
 * <p>Thread-safe: a concurrent queue, atomics, and a synchronized random source.
 */
final class TdgFaults {

    /** Kinds of injected failure. */
    public enum Kind {
        /** HTTP 500 with a plain body. */
        SERVER_ERROR_500,
        /** HTTP 200 with the TDG error envelope and code 500. */
        ENVELOPE_ERROR,
        /** HTTP 200 whose body is not JSON. */
        NON_JSON_200,
        /** The connection is reset before any answer. */
        CONNECTION_RESET,
        /** The next data query fails with the scanned hard-limit error. */
        HARD_LIMIT
    }

    private final Queue<Kind> next = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failAfter = new AtomicInteger(-1);
    private final AtomicInteger served = new AtomicInteger();
    private final double errorRate;
    private final double resetRate;
    private final SplittableRandom random;

    TdgFaults(double errorRate, double resetRate, long seed) {
        this.errorRate = errorRate;
        this.resetRate = resetRate;
        this.random = new SplittableRandom(seed * 31 + 7);
    }

    void injectNext(Kind kind) {
        next.add(kind);
    }

    void failRequestsAfter(int n) {
        served.set(0);
        failAfter.set(n);
    }

    void clear() {
        next.clear();
        failAfter.set(-1);
    }

    /** The fault for the request being served, or null. */
    Kind pick() {
        Kind queued = next.poll();
        if (queued != null) {
            return queued;
        }
        int limit = failAfter.get();
        if (limit >= 0 && served.incrementAndGet() > limit) {
            return Kind.SERVER_ERROR_500;
        }
        double dice;
        synchronized (random) {
            dice = random.nextDouble();
        }
        if (dice < resetRate) {
            return Kind.CONNECTION_RESET;
        }
        if (dice < resetRate + errorRate) {
            return dice < resetRate + errorRate / 2 ? Kind.SERVER_ERROR_500 : Kind.ENVELOPE_ERROR;
        }
        return null;
    }
}
