package com.pagingetl.paging;

/**
 * How to walk one API query page by page. Implementations hold no paging state of their own: a
 * {@link PageToken} saved in a previous process is enough to fetch the same position again.
 *
 * <p>{@link #fetch} retries transient failures itself (through the shared HTTP client) and throws when
 * the page cannot be had; it throws {@link RestartFromFirstPageException} when the API says the
 * position is gone for good (an expired link), so the reader starts the query over.
 *
 * @param <T> the record type; the suite's jobs use the record's JSON text, one line each
 */
public interface PaginationStrategy<T> {

    /** Token of the first page of the query. */
    PageToken firstPage();

    /** Fetches the page at {@code token}. Repeatable: the same token may be fetched again after a restart. */
    Page<T> fetch(PageToken token);

    /**
     * What identifies the position a token asks for, to notice a pass that comes back to a position it already
     * read (an API whose paging cycles). A token that also carries hints which change from page to page (a link's
     * expiry, a page size) returns only the position itself.
     */
    default String position(PageToken token) {
        return token.value();
    }

    /** A short position description for messages and logs, without secrets: "cursor after 2024-03-01...;4242". */
    default String describe(PageToken token) {
        return "token " + abbreviate(token.value());
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 28) + "..." + s.substring(s.length() - 28);
    }
}
