package com.pagingetl.simulator.demarches;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;

/**
 * Cuts a page out of a sorted map like {@code cursor_connection.rb}: strict {@code (ts, id) > after}, fetch
 * {@code limit + 1} rows to compute {@code hasNextPage}, {@code hasPreviousPage = after present}. The caller holds
 * the lock that guards the map. Stateless.
 */
final class KeysetPager {

    private KeysetPager() {
    }

    static <T> Page<T> page(NavigableMap<SortKey, T> map, SortKey lowerInclusive, PageRequest request,
                            Predicate<T> filter) {
        NavigableMap<SortKey, T> range = lowerInclusive == null ? map : map.tailMap(lowerInclusive, true);
        if (request.descending()) {
            range = range.descendingMap();
        }
        // In iteration order "after" is always the start bound and "before" the end bound.
        if (request.after() != null) {
            range = range.tailMap(request.after(), false);
        }
        if (request.before() != null) {
            range = range.headMap(request.before(), false);
        }
        NavigableMap<SortKey, T> walk = request.backward() ? range.descendingMap() : range;
        List<T> items = new ArrayList<>();
        List<SortKey> keys = new ArrayList<>();
        int wanted = request.limit() + 1;
        for (Map.Entry<SortKey, T> entry : walk.entrySet()) {
            if (items.size() == wanted) {
                break;
            }
            if (filter.test(entry.getValue())) {
                items.add(entry.getValue());
                keys.add(entry.getKey());
            }
        }
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
