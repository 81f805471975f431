package com.pagingetl.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An in-memory API over records {@code r0..r<n-1>} for the reader contract: either offset pages
 * ("o:<start>", with record identities, {@link Page#keys}) or keyset pages ("k:<last key>", with
 * {@link Page#resumeAfter}).
 * Records are kept by key, so removing records shifts offset pages (as a real offset API would) but not
 * keyset positions.
 */
final class InMemoryPagination implements PaginationStrategy<String> {

    private final List<Integer> keys = new ArrayList<>();
    private final int pageSize;
    private final boolean keyset;

    private InMemoryPagination(int records, int pageSize, boolean keyset) {
        for (int i = 0; i < records; i++) {
            keys.add(i);
        }
        this.pageSize = pageSize;
        this.keyset = keyset;
    }

    static InMemoryPagination offsets(int records, int pageSize) {
        return new InMemoryPagination(records, pageSize, false);
    }

    static InMemoryPagination keyset(int records, int pageSize) {
        return new InMemoryPagination(records, pageSize, true);
    }

    /** Inserts record {@code r<newKey>} just before {@code r<existingKey>}. */
    void insertBefore(int existingKey, int newKey) {
        keys.add(keys.indexOf(existingKey), newKey);
    }

    void removeRecords(int fromKey, int toKeyExclusive) {
        keys.removeIf(k -> k >= fromKey && k < toKeyExclusive);
    }

    @Override
    public PageToken firstPage() {
        return PageToken.of(keyset ? "k:-1" : "o:0");
    }

    @Override
    public Page<String> fetch(PageToken token) {
        String v = token.value();
        if (keyset) {
            int after = Integer.parseInt(v.substring(2));
            List<Integer> page = keys.stream().filter(k -> k > after).limit(pageSize).toList();
            boolean last = page.isEmpty() || page.get(page.size() - 1).equals(keys.get(keys.size() - 1));
            IntFunction<PageToken> resumeAfter = i -> PageToken.of("k:" + page.get(i));
            return new Page<>(page.stream().map(k -> "r" + k).toList(),
                    last ? null : PageToken.of("k:" + page.get(page.size() - 1)), null, resumeAfter, null);
        }
        int start = Integer.parseInt(v.substring(2));
        int end = Math.min(keys.size(), start + pageSize);
        List<String> items = start >= end ? List.of() : keys.subList(start, end).stream().map(k -> "r" + k).toList();
        return Page.of(items, end < keys.size() ? PageToken.of("o:" + end) : null).withKeys(items::get);
    }
}
