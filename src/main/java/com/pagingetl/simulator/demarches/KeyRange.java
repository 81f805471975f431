package com.pagingetl.simulator.demarches;

import java.util.Collections;
import java.util.NavigableMap;

import com.pagingetl.simulator.Bisect;

/**
 * A range of keyset positions in natural {@code (ts, id)} order: each end absent (open), inclusive or exclusive.
 * Immutable.
 */
record KeyRange(SortKey lo, boolean loInclusive, SortKey hi, boolean hiInclusive) {

    static final KeyRange ALL = new KeyRange(null, true, null, true);

    /** This range with its lower end raised to {@code key} when that is tighter. */
    KeyRange above(SortKey key, boolean inclusive) {
        if (key == null) {
            return this;
        }
        int c = lo == null ? -1 : lo.compareTo(key);
        if (c < 0 || c == 0 && !inclusive) {
            return new KeyRange(key, inclusive, hi, hiInclusive);
        }
        return this;
    }

    /** This range with its upper end lowered to {@code key} when that is tighter. */
    KeyRange below(SortKey key, boolean inclusive) {
        if (key == null) {
            return this;
        }
        int c = hi == null ? 1 : hi.compareTo(key);
        if (c > 0 || c == 0 && !inclusive) {
            return new KeyRange(lo, loInclusive, key, inclusive);
        }
        return this;
    }

    boolean empty() {
        if (lo == null || hi == null) {
            return false;
        }
        int c = lo.compareTo(hi);
        return c > 0 || c == 0 && !(loInclusive && hiInclusive);
    }

    /** The part of {@code map} inside the range (a view). */
    <T> NavigableMap<SortKey, T> of(NavigableMap<SortKey, T> map) {
        if (empty()) {
            return Collections.emptyNavigableMap();
        }
        NavigableMap<SortKey, T> view = lo == null ? map : map.tailMap(lo, loInclusive);
        return hi == null ? view : view.headMap(hi, hiInclusive);
    }

    /** Index of the first position of the sorted columns {@code (nanos, ids)} inside the range's lower end. */
    int first(long[] nanos, long[] ids, int size) {
        return lo == null ? 0 : search(nanos, ids, size, lo, !loInclusive);
    }

    /** Index after the last position of the sorted columns inside the range's upper end. */
    int end(long[] nanos, long[] ids, int size) {
        return hi == null ? size : search(nanos, ids, size, hi, hiInclusive);
    }

    /** First index whose key is above {@code key} ({@code strictly}) or at least {@code key}. */
    private static int search(long[] nanos, long[] ids, int size, SortKey key, boolean strictly) {
        return (int) Bisect.first(0, size, i -> {
            int c = new SortKey(nanos[(int) i], ids[(int) i]).compareTo(key);
            return c < 0 || c == 0 && strictly;
        });
    }
}
