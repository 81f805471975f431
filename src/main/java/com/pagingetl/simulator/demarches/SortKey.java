package com.pagingetl.simulator.demarches;

/**
 * A keyset position: the ordering column (epoch nanoseconds, UTC) and the row id that breaks ties, compared
 * as the row value {@code (ts, id)} the real API uses. Immutable and thread-safe.
 */
record SortKey(long nanos, long id) implements Comparable<SortKey> {

    /** The smallest key at {@code nanos}: a lower bound that includes every row with that timestamp. */
    static SortKey floor(long nanos) {
        return new SortKey(nanos, Long.MIN_VALUE);
    }

    @Override
    public int compareTo(SortKey other) {
        int byTime = Long.compare(nanos, other.nanos);
        return byTime != 0 ? byTime : Long.compare(id, other.id);
    }
}
