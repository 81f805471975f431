package com.pagingetl.simulator.demarches;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injected failures: one-shot counters set by tests ({@code injectXxxNext}) and the configured rates
 * ({@code timeoutRate}, {@code timeoutAboveFirst}, {@code serverErrorRate}). Thread-safe (atomics).
 */
final class FaultPlan {

    private final double timeoutRate;
    private final int timeoutAboveFirst;
    private final double serverErrorRate;
    private final AtomicInteger timeoutsToInject = new AtomicInteger();
    private final AtomicInteger rateLimitsToInject = new AtomicInteger();
    private final AtomicInteger serverErrorsToInject = new AtomicInteger();

    FaultPlan(double timeoutRate, int timeoutAboveFirst, double serverErrorRate) {
        this.timeoutRate = timeoutRate;
        this.timeoutAboveFirst = timeoutAboveFirst;
        this.serverErrorRate = serverErrorRate;
    }

    void injectTimeouts(int count) {
        timeoutsToInject.addAndGet(count);
    }

    void injectRateLimits(int count) {
        rateLimitsToInject.addAndGet(count);
    }

    void injectServerErrors(int count) {
        serverErrorsToInject.addAndGet(count);
    }

    /** Whether a dossiers page of {@code limit} rows times out. */
    boolean timeout(int limit) {
        if (takeOne(timeoutsToInject)) {
            return true;
        }
        if (timeoutAboveFirst > 0 && limit > timeoutAboveFirst) {
            return true;
        }
        return timeoutRate > 0 && ThreadLocalRandom.current().nextDouble() < timeoutRate;
    }

    boolean rateLimit() {
        return takeOne(rateLimitsToInject);
    }

    boolean serverError() {
        return takeOne(serverErrorsToInject) || serverErrorRate > 0 && ThreadLocalRandom.current().nextDouble() < serverErrorRate;
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
