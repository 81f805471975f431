package com.pagingetl.simulator.demarches;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.BiPredicate;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * One ordering of a démarche's dossiers: the generated base (sorted key columns, rows made on demand) merged with
 * the rows changed since (a sorted map). A base entry whose dossier has changed is stale and skipped: the changed
 * row, if it still belongs to the ordering, is in the map under its new key. The caller holds the store's lock.
 */
record OverlaidRows(GeneratedDossiers.Column base, LongFunction<DossierRow> generate, LongPredicate stale,
                    NavigableMap<SortKey, DossierRow> changed) implements KeyedRows<DossierRow> {

    @Override
    public void walk(KeyRange range, boolean ascending, BiPredicate<SortKey, DossierRow> visitor) {
        if (range.empty()) {
            return;
        }
        long[] nanos = base.nanos();
        long[] ids = base.ids();
        int from = range.first(nanos, ids, ids.length);
        int to = range.end(nanos, ids, ids.length);
        int step = ascending ? 1 : -1;
        int i = ascending ? from : to - 1;
        NavigableMap<SortKey, DossierRow> part = range.of(changed);
        Iterator<Map.Entry<SortKey, DossierRow>> overlay = (ascending ? part : part.descendingMap()).entrySet().iterator();
        Map.Entry<SortKey, DossierRow> next = overlay.hasNext() ? overlay.next() : null;
        while (true) {
            while (i >= from && i < to && stale.test(ids[i])) {
                i += step;
            }
            boolean baseLeft = i >= from && i < to;
            if (!baseLeft && next == null) {
                return;
            }
            boolean fromBase = baseLeft && (next == null
                    || Integer.signum(KeyRange.compare(nanos[i], ids[i], next.getKey())) == -step);
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
