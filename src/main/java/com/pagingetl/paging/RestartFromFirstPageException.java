package com.pagingetl.paging;

/**
 * The API cannot continue from the saved position any more (Rapid: a next link past its {@code expires}
 * or answered with 410 {@code link.expired}): the query must start again from its first page, and
 * whatever this query wrote so far must be dropped so that nothing is written twice.
 */
public class RestartFromFirstPageException extends RuntimeException {

    public RestartFromFirstPageException(String message) {
        super(message);
    }
}
