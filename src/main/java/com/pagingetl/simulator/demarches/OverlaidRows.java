package com.pagingetl.simulator.demarches;

import com.pagingetl.simulator.SortedMerge;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.BiPredicate;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;

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
        // SimpleImmutableEntry: Map.entry refuses the null that stands for a base row not made.
        Iterator<Map.Entry<SortKey, T>> fromBase = IntStream.range(from, to)
                .map(i -> ascending ? i : from + to - 1 - i)
                .filter(i -> !stale.test(ids[i]))
                .<Map.Entry<SortKey, T>>mapToObj(i -> new AbstractMap.SimpleImmutableEntry<>(
                        new SortKey(nanos[i], ids[i]), generate.apply(ids[i])))
                .iterator();
        NavigableMap<SortKey, T> part = range.of(changed);
        Comparator<Map.Entry<SortKey, T>> order = Map.Entry.comparingByKey();
        Iterator<Map.Entry<SortKey, T>> rows = new SortedMerge<>((ascending ? part : part.descendingMap()).entrySet()
                .iterator(), fromBase, ascending ? order : order.reversed());
        while (rows.hasNext()) {
            Map.Entry<SortKey, T> row = rows.next();
            if (!visitor.test(row.getKey(), row.getValue())) {
                return;
            }
        }
    }

    /**
     * Cuts a page out of the rows from {@code lowerInclusive} like {@code cursor_connection.rb}: strict
     * {@code (ts, id) > after}, fetch {@code limit + 1} rows to compute {@code hasNextPage},
     * {@code hasPreviousPage = after present}.
     */
    Page<T> page(SortKey lowerInclusive, PageRequest request, Predicate<T> filter) {
        KeyRange range = KeyRange.ALL.above(lowerInclusive, true);
        // In iteration order "after" is always the start bound and "before" the end bound; DESC iterates downwards.
        if (request.descending()) {
            range = range.below(request.after(), false).above(request.before(), false);
        } else {
            range = range.above(request.after(), false).below(request.before(), false);
        }
        List<T> items = new ArrayList<>();
        List<SortKey> keys = new ArrayList<>();
        int wanted = request.limit() + 1;
        walk(range, request.descending() == request.backward(), (key, row) -> {
            if (items.size() == wanted) {
                return false;
            }
            if (filter.test(row)) {
                items.add(row);
                keys.add(key);
            }
            return true;
        });
        boolean more = items.size() > request.limit();
        if (more) {
            items.remove(items.size() - 1);
            keys.remove(keys.size() - 1);
        }
        if (request.backward()) {
            Collections.reverse(items);
            Collections.reverse(keys);
            return new Page<>(List.copyOf(items), List.copyOf(keys), request.before() != null, more);
        }
        return new Page<>(List.copyOf(items), List.copyOf(keys), more, request.after() != null);
    }
}
