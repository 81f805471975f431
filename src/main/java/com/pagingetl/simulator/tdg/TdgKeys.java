package com.pagingetl.simulator.tdg;

import java.util.Comparator;
import java.util.List;

/**
 * Ordering of index key parts as Tarantool orders them: numbers numerically (integers exactly, as
 * longs), strings by code unit, booleans false before true, nil first. Stateless and thread-safe.
 */
final class TdgKeys {

    /** Sentinels below and above every key part, for range bounds. */
    static final Object MIN = new Object();
    static final Object MAX = new Object();

    static final Comparator<Object> PART = TdgKeys::comparePart;

    static final Comparator<List<Object>> KEY = (a, b) -> {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = comparePart(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private TdgKeys() {
    }

    static int comparePart(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == MIN || b == MAX) {
            return -1;
        }
        if (a == MAX || b == MIN) {
            return 1;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (isIntegral(x) && isIntegral(y)) {
                return Long.compare(x.longValue(), y.longValue());
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        // Tarantool's scalar order across types: boolean < number < string.
        return Integer.compare(rank(a), rank(b));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static int rank(Object o) {
        if (o instanceof Boolean) {
            return 1;
        }
        if (o instanceof Number) {
            return 2;
        }
        return 3;
    }
}
