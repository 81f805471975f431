package com.pagingetl.simulator.demarches;

import graphql.schema.DataFetchingEnvironment;

/**
 * A validated connection request: page size, keyset bounds and direction.
 *
 * @param limit      page size after the cap (1..100, or 0)
 * @param after      exclusive lower bound in iteration order, or null
 * @param before     exclusive upper bound in iteration order, or null
 * @param backward   {@code last} was given: the page is the end of the range
 * @param descending deprecated {@code order: DESC}
 */
record PageRequest(int limit, SortKey after, SortKey before, boolean backward, boolean descending) {

    static final int MAX_PAGE_SIZE = 100;

    /**
     * Reads the Relay arguments of the three connections ({@code first/last/after/before/order}) the way
     * {@code cursor_connection.rb} does: page size capped silently at 100 (default 100), negatives and exclusive
     * pairs rejected with {@code bad_request}, unreadable cursors with {@code Invalid input}.
     */
    static PageRequest of(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        String after = env.getArgument("after");
        String before = env.getArgument("before");
        nonNegative("first", first);
        nonNegative("last", last);
        if (first != null && last != null) {
            throw new ApiError("bad_request", "Arguments \"first\" and \"last\" are exclusive");
        }
        if (after != null && before != null) {
            throw new ApiError("bad_request", "Arguments \"after\" and \"before\" are exclusive");
        }
        boolean descending = "DESC".equals(env.getArgument("order"));
        if (descending && last != null) {
            throw new ApiError("bad_request", "Argument \"last\" cannot be used with order DESC");
        }
        int requested = first != null ? first : last != null ? last : MAX_PAGE_SIZE;
        return new PageRequest(Math.min(requested, MAX_PAGE_SIZE), after == null ? null : SortKey.parse(after),
                before == null ? null : SortKey.parse(before), last != null, descending);
    }

    private static void nonNegative(String name, Integer value) {
        if (value != null && value < 0) {
            throw new ApiError("bad_request", "Argument \"" + name + "\" must be a non-negative integer");
        }
    }
}
