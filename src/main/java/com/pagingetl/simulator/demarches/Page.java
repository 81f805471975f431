package com.pagingetl.simulator.demarches;

import java.util.List;

/** One page of a connection: items in wire order with their keys, and the page info flags. Immutable. */
record Page<T>(List<T> items, List<SortKey> keys, boolean hasNextPage, boolean hasPreviousPage) {

    String startCursor() {
        return keys.isEmpty() ? null : keys.get(0).cursor();
    }

    String endCursor() {
        return keys.isEmpty() ? null : keys.get(keys.size() - 1).cursor();
    }
}
