package com.pagingetl.simulator.demarches;

import java.time.Instant;

import graphql.schema.DataFetchingEnvironment;

/**
 * Validates the Relay arguments shared by the three connections ({@code first/last/after/before/order}) the way
 * {@code cursor_connection.rb} does: page size capped silently at 100 (default 100), negatives and exclusive
 * pairs rejected with {@code bad_request}, unreadable cursors rejected with {@code Invalid input}. Stateless.
 */
final class ConnectionArguments {

    static final int MAX_PAGE_SIZE = 100;

    private ConnectionArguments() {
    }

    static PageRequest parse(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        String after = env.getArgument("after");
        String before = env.getArgument("before");
        Object order = env.getArgument("order");
        nonNegative("first", first);
        nonNegative("last", last);
        if (first != null && last != null) {
            throw new ApiError("bad_request", "Arguments \"first\" and \"last\" are exclusive");
        }
        if (after != null && before != null) {
            throw new ApiError("bad_request", "Arguments \"after\" and \"before\" are exclusive");
        }
        boolean descending = "DESC".equals(order);
        if (descending && last != null) {
            throw new ApiError("bad_request", "Argument \"last\" cannot be used with order DESC");
        }
        int requested = first != null ? first : last != null ? last : MAX_PAGE_SIZE;
        return new PageRequest(Math.min(requested, MAX_PAGE_SIZE), cursor(after), cursor(before), last != null, descending);
    }

    /** An {@code ISO8601DateTime} argument as epoch nanos, or -1 when absent. */
    static long since(DataFetchingEnvironment env, String name) {
        Instant since = env.getArgument(name);
        return since == null ? -1 : Timestamps.nanos(since);
    }

    private static SortKey cursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return CursorCodec.decode(cursor);
        } catch (CursorCodec.InvalidCursorException e) {
            throw new ApiError("bad_request", e.getMessage());
        }
    }

    private static void nonNegative(String name, Integer value) {
        if (value != null && value < 0) {
            throw new ApiError("bad_request", "Argument \"" + name + "\" must be a non-negative integer");
        }
    }
}
