package com.pagingetl.simulator.demarches;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Predicate;

/**
 * Cuts a page out of rows in key order like {@code cursor_connection.rb}: strict {@code (ts, id) > after}, fetch
 * {@code limit + 1} rows to compute {@code hasNextPage}, {@code hasPreviousPage = after present}. The caller holds
 * the lock that guards the rows. Stateless.
 */
final class KeysetPager {

    private KeysetPager() {
    }

    static <T> Page<T> page(NavigableMap<SortKey, T> map, SortKey lowerInclusive, PageRequest request,
                            Predicate<T> filter) {
        return page(OverlaidRows.of(map), lowerInclusive, request, filter);
    }

    static <T> Page<T> page(OverlaidRows<T> rows, SortKey lowerInclusive, PageRequest request, Predicate<T> filter) {
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
        rows.walk(range, request.descending() == request.backward(), (key, row) -> {
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
