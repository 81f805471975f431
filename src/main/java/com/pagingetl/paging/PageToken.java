package com.pagingetl.paging;

import java.util.Objects;

/**
 * Where a page starts, as an opaque string that the {@link PaginationStrategy} that made it can read
 * back: a next-link URL, a GraphQL cursor, a keyset pair. It is what the reader saves in the
 * ExecutionContext, so it must hold everything needed to fetch the page again after a restart.
 */
public record PageToken(String value) {

    public PageToken {
        Objects.requireNonNull(value, "value");
    }

    public static PageToken of(String value) {
        return new PageToken(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
