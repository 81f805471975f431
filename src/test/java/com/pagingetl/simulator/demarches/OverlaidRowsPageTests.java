package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class OverlaidRowsPageTests {

    /** Ids 1..10; ids 4, 5 and 6 share the same timestamp. */
    private static TreeMap<SortKey, Long> rows() {
        TreeMap<SortKey, Long> map = new TreeMap<>();
        for (long id = 1; id <= 10; id++) {
            long ts = id >= 4 && id <= 6 ? 4_000 : id * 1_000;
            map.put(new SortKey(ts, id), id);
        }
        return map;
    }

    @Test
    void afterIsStrictOnTheRowValueAndTiesBreakById() {
        Page<Long> page = OverlaidRows.of(rows()).page(null, new PageRequest(2, new SortKey(4_000, 4), null, false, false), r -> true);
        assertThat(page.items()).containsExactly(5L, 6L);
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.hasPreviousPage()).isTrue();
    }

    @Test
    void hasNextPageComesFromFetchingOneMoreRow() {
        Page<Long> exact = OverlaidRows.of(rows()).page(null, new PageRequest(10, null, null, false, false), r -> true);
        assertThat(exact.items()).hasSize(10);
        assertThat(exact.hasNextPage()).isFalse();
        assertThat(exact.hasPreviousPage()).isFalse();
        Page<Long> empty = OverlaidRows.of(rows()).page(null, new PageRequest(5, new SortKey(10_000, 10), null, false, false), r -> true);
        assertThat(empty.items()).isEmpty();
        assertThat(empty.startCursor()).isNull();
        assertThat(empty.endCursor()).isNull();
        assertThat(empty.hasNextPage()).isFalse();
    }

    @Test
    void lowerBoundIsInclusive() {
        Page<Long> page = OverlaidRows.of(rows()).page(SortKey.floor(4_000), new PageRequest(3, null, null, false, false), r -> true);
        assertThat(page.items()).containsExactly(4L, 5L, 6L);
    }

    @Test
    void lastAndBeforePageBackwardAndDescendingReverses() {
        Page<Long> last = OverlaidRows.of(rows()).page(null, new PageRequest(3, null, new SortKey(9_000, 9), true, false), r -> true);
        assertThat(last.items()).containsExactly(6L, 7L, 8L);
        assertThat(last.hasPreviousPage()).isTrue();
        assertThat(last.hasNextPage()).isTrue();
        Page<Long> desc = OverlaidRows.of(rows()).page(null, new PageRequest(3, new SortKey(7_000, 7), null, false, true), r -> true);
        assertThat(desc.items()).containsExactly(6L, 5L, 4L);
    }

    @Test
    void filtersSkipRowsWithoutShorteningPages() {
        Page<Long> even = OverlaidRows.of(rows()).page(null, new PageRequest(3, null, null, false, false), r -> r % 2 == 0);
        assertThat(even.items()).containsExactly(2L, 4L, 6L);
        assertThat(even.hasNextPage()).isTrue();
    }
}
