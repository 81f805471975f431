package com.pagingetl.simulator.demarches;

import java.util.List;

/** One page of a connection: items in wire order with their keys, and the page info flags. Immutable. */
record Page<T>(List<T> items, List<SortKey> keys, boolean hasNextPage, boolean hasPreviousPage) {

    String startCursor() {
        return keys.isEmpty() ? null : CursorCodec.encode(keys.get(0));
    }

    String endCursor() {
        return keys.isEmpty() ? null : CursorCodec.encode(keys.get(keys.size() - 1));
    }
}
