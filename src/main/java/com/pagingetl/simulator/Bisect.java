package com.pagingetl.simulator;

import java.util.function.LongPredicate;

/** Binary search over positions of a generated or sorted sequence, without materialising it. Stateless. */
public final class Bisect {

    private Bisect() {
    }

    /**
     * The first position in {@code [from, to)} where {@code before} is false, {@code to} if none; {@code before}
     * must hold for a prefix of the range and fail for the rest.
     */
    public static long first(long from, long to, LongPredicate before) {
        long low = from;
        long high = to;
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (before.test(mid)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
