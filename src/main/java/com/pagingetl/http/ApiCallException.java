package com.pagingetl.http;

/**
 * A call to an API that cannot succeed by trying again: a fatal status, a body that is not what the
 * contract says, or transient failures that outlasted the retry budget. The message names the
 * operation and the position and carries the API's own words; it never contains a credential: the message
 * and the causes pass through {@link Secrets} here, whoever built them.
 */
public class ApiCallException extends RuntimeException {

    private final int status;

    public ApiCallException(String message) {
        this(message, -1, null);
    }

    public ApiCallException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    public ApiCallException(String message, int status, Throwable cause) {
        super(Secrets.redact(message), Secrets.scrub(cause));
        this.status = status;
    }

    /** The HTTP status behind the failure, or -1 when there was no usable HTTP answer. */
    public int status() {
        return status;
    }
}
