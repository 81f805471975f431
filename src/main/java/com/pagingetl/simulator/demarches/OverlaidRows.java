package com.pagingetl.simulator.demarches;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.BiPredicate;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * Rows in {@code (ts, id)} order that a page walks over a range, in either direction: for one ordering of a
 * démarche's dossiers, the generated base (sorted key columns, rows made on demand) merged with the rows changed
 * since (a sorted map). A base entry whose dossier has changed is stale and skipped: the changed row, if it still
 * belongs to the ordering, is in the map under its new key. The caller holds the lock that guards the rows.
 */
record OverlaidRows<T>(GeneratedDossiers.Column base, LongFunction<T> generate, LongPredicate stale,
                       NavigableMap<SortKey, T> changed) {

    private static final GeneratedDossiers.Column NO_BASE = new GeneratedDossiers.Column(new long[0], new long[0]);

    /** The rows of a sorted map alone. */
    static <T> OverlaidRows<T> of(NavigableMap<SortKey, T> rows) {
        return new OverlaidRows<>(NO_BASE, id -> null, id -> false, rows);
    }

    /** Offers the rows inside {@code range} to {@code visitor} in ascending or descending order until it returns false. */
    void walk(KeyRange range, boolean ascending, BiPredicate<SortKey, T> visitor) {
        if (range.empty()) {
            return;
        }
        long[] nanos = base.nanos();
        long[] ids = base.ids();
        int from = range.first(nanos, ids, ids.length);
        int to = range.end(nanos, ids, ids.length);
        int step = ascending ? 1 : -1;
        int i = ascending ? from : to - 1;
        NavigableMap<SortKey, T> part = range.of(changed);
        Iterator<Map.Entry<SortKey, T>> overlay = (ascending ? part : part.descendingMap()).entrySet().iterator();
        Map.Entry<SortKey, T> next = overlay.hasNext() ? overlay.next() : null;
        while (true) {
            while (i >= from && i < to && stale.test(ids[i])) {
                i += step;
            }
            boolean baseLeft = i >= from && i < to;
            if (!baseLeft && next == null) {
                return;
            }
            boolean fromBase = baseLeft && (next == null
                    || Integer.signum(new SortKey(nanos[i], ids[i]).compareTo(next.getKey())) == -step);
            if (fromBase) {
                if (!visitor.test(new SortKey(nanos[i], ids[i]), generate.apply(ids[i]))) {
                    return;
                }
                i += step;
            } else {
                if (!visitor.test(next.getKey(), next.getValue())) {
                    return;
                }
                next = overlay.hasNext() ? overlay.next() : null;
            }
        }
    }
}
