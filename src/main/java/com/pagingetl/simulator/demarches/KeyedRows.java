package com.pagingetl.simulator.demarches;

import java.util.Map;
import java.util.NavigableMap;
import java.util.function.BiPredicate;

/**
 * Rows in {@code (ts, id)} order that a page walks over a range, in either direction. The caller holds the lock
 * that guards the rows.
 */
@FunctionalInterface
interface KeyedRows<T> {

    /** Offers the rows inside {@code range} to {@code visitor} in ascending or descending order until it returns false. */
    void walk(KeyRange range, boolean ascending, BiPredicate<SortKey, T> visitor);

    static <T> KeyedRows<T> of(NavigableMap<SortKey, T> map) {
        return (range, ascending, visitor) -> {
            NavigableMap<SortKey, T> part = range.of(map);
            for (Map.Entry<SortKey, T> e : (ascending ? part : part.descendingMap()).entrySet()) {
                if (!visitor.test(e.getKey(), e.getValue())) {
                    return;
                }
            }
        };
    }
}
