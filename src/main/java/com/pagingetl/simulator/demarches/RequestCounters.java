package com.pagingetl.simulator.demarches;

import java.util.concurrent.atomic.AtomicLong;

/** What the simulator served, for job tests and the admin endpoint. Thread-safe (atomics). */
final class RequestCounters {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong dossiersPages = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong forbidden = new AtomicLong();
    final AtomicLong lastDossiersLimit = new AtomicLong(-1);
}
