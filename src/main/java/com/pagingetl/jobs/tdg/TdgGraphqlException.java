package com.pagingetl.jobs.tdg;

import com.pagingetl.http.ApiCallException;

/**
 * The grid answered with its error envelope ({@code {"errors":[{"message":…,"extensions":{"code":…}}]}},
 * HTTP 200, no data): the message names the operation and carries the grid's own words.
 */
class TdgGraphqlException extends ApiCallException {

    private final String gridMessage;
    private final int code;

    TdgGraphqlException(String operation, String gridMessage, int code) {
        super(operation + " failed: TDG error" + (code >= 0 ? " " + code : "") + ": " + oneLine(gridMessage));
        this.gridMessage = gridMessage;
        this.code = code;
    }

    /** TDG's {@code hard-limits} stopped the request: fewer objects per page may pass. */
    boolean isHardLimit() {
        return gridMessage.startsWith("Hard limit for ");
    }

    String gridMessage() {
        return com.pagingetl.http.Secrets.redact(oneLine(gridMessage));
    }

    int code() {
        return code;
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
