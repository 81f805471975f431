package com.pagingetl.simulator.rapid;

/** Faults a test can inject into the next API request with {@link RapidSimulator#injectNext(RapidFault)}. */
public enum RapidFault {
    /** 500 {@code unknown_internal_error}. */
    SERVER_ERROR_500,
    /** 503 {@code service_unavailable}. */
    SERVICE_UNAVAILABLE_503,
    /** 502 with an HTML page ({@code text/html}, not gzip), as a gateway in front of the API would send. */
    HTML_502,
    /** 200 with {@code application/json} and gzip, but a body that is not JSON. */
    NON_JSON_200,
    /** The real page, but its gzip body is cut in the middle. */
    TRUNCATED_GZIP,
    /** The real page's head and half its body, then the connection closes: an answer dropped mid-way. */
    DROPPED_MID_BODY,
    /** The real page, with a {@code Link} header that does not parse. */
    MALFORMED_LINK,
    /** The real page, with a next link to another host ({@code http://evil.example.test/...}). */
    FOREIGN_HOST_LINK,
    /** 429 {@code too_many_requests} with {@code Rate-Limit-Minute-Remaining: 0} and its reset (no Retry-After). */
    RATE_LIMIT_429,
    /** The connection is reset without a response. */
    CONNECTION_RESET,
    /** 400 {@code invalid_input}. */
    BAD_REQUEST_400,
    /** 403 {@code request_unauthorized}. */
    FORBIDDEN_403,
    /** The real page, with a next link to the very URL that was asked: the paging cycles. */
    SELF_LINK
}
