package com.pagingetl.simulator;

import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/** The one lock-around-an-action helper of the simulators' data stores. */
public final class Locks {

    private Locks() {
    }

    /** Runs {@code action} holding {@code lock} and returns its result. */
    public static <T> T locked(Lock lock, Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
