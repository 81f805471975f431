package com.pagingetl.simulator.systax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Decides whether a rules request fails and how: queued one-shot faults first, then "fail every
 * request after n" (a fixed HTTP status), then the random rates. Applies to rules requests only, so a
 * client can always log in again. Thread-safe (all state under this object's monitor).
 */
final class FaultInjector {

    /** An injected failure: a fault kind, or for {@code failRequestsAfter} a bare HTTP status. */
    record Injected(SystaxFault kind, int status) {
    }

    private final Deque<SystaxFault> queued = new ArrayDeque<>();
    private final SplittableRandom random;
    private final double errorRate;
    private final double rateLimitRate;
    private final double resetRate;
    private int remainingBeforeFailure = -1;
    private int failureStatus;

    FaultInjector(long seed, double errorRate, double rateLimitRate, double resetRate) {
        this.random = new SplittableRandom(SeedMix.mix(seed, 99));
        this.errorRate = errorRate;
        this.rateLimitRate = rateLimitRate;
        this.resetRate = resetRate;
    }

    synchronized void injectNext(SystaxFault fault) {
        queued.addLast(fault);
    }

    synchronized void failRequestsAfter(int requests, int status) {
        if (requests < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("failRequestsAfter needs requests >= 0 and an HTTP status: " + requests + ", " + status);
        }
        remainingBeforeFailure = requests;
        failureStatus = status;
    }

    synchronized void clear() {
        queued.clear();
        remainingBeforeFailure = -1;
    }

    /** The failure for the next rules request, or null when it should be served normally. */
    synchronized Injected next() {
        SystaxFault fault = queued.pollFirst();
        if (fault != null) {
            return new Injected(fault, 0);
        }
        if (remainingBeforeFailure == 0) {
            return new Injected(null, failureStatus);
        }
        if (remainingBeforeFailure > 0) {
            remainingBeforeFailure--;
        }
        double r = random.nextDouble();
        if (r < resetRate) {
            return new Injected(SystaxFault.CONNECTION_RESET, 0);
        }
        if (r < resetRate + rateLimitRate) {
            return new Injected(SystaxFault.RATE_LIMIT_429, 0);
        }
        if (r < resetRate + rateLimitRate + errorRate) {
            return new Injected(random.nextBoolean() ? SystaxFault.SERVER_ERROR_500 : SystaxFault.SERVICE_UNAVAILABLE_503, 0);
        }
        return null;
    }
}
