package com.pagingetl.simulator.tdg;

/**
 * The cluster's {@code hard-limits} setting (scanned, returned) and the per-request meter that enforces
 * it the way TDG's storage does ({@code common/document/metrics.lua}): every scanned tuple and every
 * returned tuple is counted, and the request fails when a count exceeds its limit (at N+1).
 *
 * <p>The limits are read and written atomically (volatile ints, changed through the admin schema);
 * a {@link Meter} belongs to one request on one thread.
 */
final class TdgHardLimits {

    private volatile int scanned;
    private volatile int returned;

    TdgHardLimits(int scanned, int returned) {
        set(scanned, returned);
    }

    synchronized void set(int scanned, int returned) {
        if (scanned < 1 || returned < 1) {
            throw new TdgError("Hard limits must be positive", 400);
        }
        this.scanned = scanned;
        this.returned = returned;
    }

    int scanned() {
        return scanned;
    }

    int returned() {
        return returned;
    }

    Meter meter(String space, String plan) {
        return new Meter(scanned, returned, space, plan);
    }

    /** A meter that never fails: for the simulator's own bookkeeping (expected snapshots, mutations). */
    static Meter unlimited() {
        return new Meter(Integer.MAX_VALUE, Integer.MAX_VALUE, "", "");
    }

    /** Counts one request's scanned and returned tuples. Not thread-safe: one request, one thread. */
    static final class Meter {
        private final int scannedLimit;
        private final int returnedLimit;
        private final String space;
        private final String plan;
        private long scannedCount;
        private long returnedCount;

        private Meter(int scannedLimit, int returnedLimit, String space, String plan) {
            this.scannedLimit = scannedLimit;
            this.returnedLimit = returnedLimit;
            this.space = space;
            this.plan = plan;
        }

        void scanned(Object primaryKey) {
            if (++scannedCount > scannedLimit) {
                throw new TdgError(message("scan", scannedLimit, primaryKey), 500);
            }
        }

        void returned(Object primaryKey) {
            if (++returnedCount > returnedLimit) {
                throw new TdgError(message("returned", returnedLimit, primaryKey), 500);
            }
        }

        /** The scan-limit error for an injected fault: as if the limit was reached on the first tuple. */
        String forcedScanError() {
            return message("scan", scannedLimit, "?");
        }

        // The Lua source continues the string literal with "\" + newline + 8 spaces, so the real message
        // carries a newline and that indentation before "on tuple". The key prints as a Tarantool tuple: ["Russia"].
        private String message(String what, int limit, Object primaryKey) {
            return "Hard limit for " + what + " rows reached " + limit + " for space \"" + space + "\" plan '"
                    + plan + "' \n        on tuple with primary index [" + literal(primaryKey) + "]";
        }
    }

    /** A string in double quotes with {@code \} and {@code "} escaped, anything else as Java prints it. */
    static String literal(Object part) {
        if (part instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(part);
    }
}
