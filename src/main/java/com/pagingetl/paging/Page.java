package com.pagingetl.paging;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * One page as the API returned it: its records in API order, the token of the following page
 * ({@code null} on the last page), the total number of results when the API tells it, and, for keyset
 * APIs, a way to resume right after any record of the page.
 *
 * @param items       records in API order; one page, never the whole data set
 * @param next        token of the following page, or {@code null} when this is the last page
 * @param total       total results of the whole query when known (progress and ETA only)
 * @param resumeAfter for keyset APIs: the token that continues right after record {@code i}; lets a restart
 *                    resume exactly even when the page has changed since. {@code null} means "re-fetch
 *                    this page and skip the records already written".
 */
public record Page<T>(List<T> items, PageToken next, OptionalLong total, IntFunction<PageToken> resumeAfter) {

    public Page {
        items = List.copyOf(items);
        total = total == null ? OptionalLong.empty() : total;
    }

    public static <T> Page<T> of(List<T> items, PageToken next) {
        return new Page<>(items, next, OptionalLong.empty(), null);
    }

    public boolean isLast() {
        return next == null;
    }

    public Page<T> withTotal(long total) {
        return new Page<>(items, next, OptionalLong.of(total), resumeAfter);
    }

    public Page<T> withResumeAfter(IntFunction<PageToken> resumeAfter) {
        return new Page<>(items, next, total, resumeAfter);
    }
}
