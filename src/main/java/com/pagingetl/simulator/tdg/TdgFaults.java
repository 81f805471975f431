package com.pagingetl.simulator.tdg;

import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.pagingetl.simulator.tdg.TdgSimulator.FaultKind;

/**
 * Faults the simulator injects: one-shot faults queued by tests ({@link #injectNext}), "every request
 * after the n-th fails", and random server errors and connection resets at configured rates.
 *
 * <p>Thread-safe: a concurrent queue, atomics, and a synchronized random source.
 */
final class TdgFaults {

    private final Queue<FaultKind> next = new ConcurrentLinkedQueue<>();
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

    void injectNext(FaultKind kind) {
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
    FaultKind pick() {
        FaultKind queued = next.poll();
        if (queued != null) {
            return queued;
        }
        int limit = failAfter.get();
        if (limit >= 0 && served.incrementAndGet() > limit) {
            return FaultKind.SERVER_ERROR_500;
        }
        double dice;
        synchronized (random) {
            dice = random.nextDouble();
        }
        if (dice < resetRate) {
            return FaultKind.CONNECTION_RESET;
        }
        if (dice < resetRate + errorRate) {
            // Half of the random server errors are HTTP 500s, half are 200s with the error envelope.
            return dice < resetRate + errorRate / 2 ? FaultKind.SERVER_ERROR_500 : FaultKind.ENVELOPE_ERROR;
        }
        return null;
    }
}
