package com.pagingetl.simulator.rapid;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Decides which fault, if any, the next API request gets: first a one-shot fault queued by a test, then the
 * "fail every request after the n-th" mode, then the random rates of the options (seeded, independent per
 * request). Thread-safe.
 */
final class RapidFaults {

    /** What to do with one request: a fault kind, an error status, or nothing ({@link #NONE}). */
    record Decision(RapidFault fault, int status) {
        static final Decision NONE = new Decision(null, 0);
    }

    private final ConcurrentLinkedQueue<RapidFault> queued = new ConcurrentLinkedQueue<>();
    private final double errorRate;
    private final double rateLimitRate;
    private final double resetRate;
    private final SplittableRandom random;
    private long failAfter = -1;
    private long failCounted;
    private int failStatus;

    RapidFaults(RapidOptions options) {
        this.errorRate = options.errorRate();
        this.rateLimitRate = options.rateLimitRate();
        this.resetRate = options.resetRate();
        this.random = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    }

    void injectNext(RapidFault fault) {
        queued.add(fault);
    }

    synchronized void failRequestsAfter(int n, int status) {
        if (n < 0 || status < 400 || status > 599) {
            throw new IllegalArgumentException("failRequestsAfter needs n >= 0 and a 4xx/5xx status");
        }
        failAfter = n;
        failCounted = 0;
        failStatus = status;
    }

    synchronized void clear() {
        queued.clear();
        failAfter = -1;
    }

    /** Called once per API request. */
    Decision next() {
        RapidFault fault = queued.poll();
        if (fault != null) {
            return new Decision(fault, 0);
        }
        synchronized (this) {
            if (failAfter >= 0 && ++failCounted > failAfter) {
                return new Decision(null, failStatus);
            }
            if (resetRate > 0 && random.nextDouble() < resetRate) {
                return new Decision(RapidFault.CONNECTION_RESET, 0);
            }
            if (rateLimitRate > 0 && random.nextDouble() < rateLimitRate) {
                return new Decision(RapidFault.RATE_LIMIT_429, 0);
            }
            if (errorRate > 0 && random.nextDouble() < errorRate) {
                return new Decision(random.nextBoolean() ? RapidFault.SERVER_ERROR_500
                        : RapidFault.SERVICE_UNAVAILABLE_503, 0);
            }
        }
        return Decision.NONE;
    }
}
