package com.pagingetl.paging;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * One page as the API returned it: its records in API order, the token of the following page
 * ({@code null} on the last page), the total number of results when the API tells it, and how a restart
 * finds its place in the page again: for keyset APIs a token right after any record ({@code resumeAfter}),
 * for the others each record's identity ({@code keys}), so that a page that changed between a commit and a
 * restart is resumed by what was written, never by a count of records.
 *
 * @param items       records in API order; one page, never the whole data set
 * @param next        token of the following page, or {@code null} when this is the last page
 * @param total       total results of the whole query when known (progress and ETA only)
 * @param resumeAfter for keyset APIs: the token that continues right after record {@code i}; lets a restart
 *                    resume exactly even when the page has changed since
 * @param keys        for APIs without such tokens: the identity of record {@code i} (Rapid's property id), so
 *                    that a restart re-fetches this page and skips exactly the records already written
 */
public record Page<T>(List<T> items, PageToken next, OptionalLong total, IntFunction<PageToken> resumeAfter,
                      IntFunction<String> keys) {

    public Page {
        items = List.copyOf(items);
        total = total == null ? OptionalLong.empty() : total;
    }

    public static <T> Page<T> of(List<T> items, PageToken next) {
        return new Page<>(items, next, OptionalLong.empty(), null, null);
    }

    public boolean isLast() {
        return next == null;
    }

    public Page<T> withTotal(long total) {
        return new Page<>(items, next, OptionalLong.of(total), resumeAfter, keys);
    }

    public Page<T> withResumeAfter(IntFunction<PageToken> resumeAfter) {
        return new Page<>(items, next, total, resumeAfter, keys);
    }

    public Page<T> withKeys(IntFunction<String> keys) {
        return new Page<>(items, next, total, resumeAfter, keys);
    }
}
