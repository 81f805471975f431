package com.pagingetl.simulator.systax;

/** A failure the simulator can inject into one rules request, as a real gateway or server would show it. */
public enum SystaxFault {
    /** 500 with the JSON error envelope. */
    SERVER_ERROR_500,
    /** 503 with the JSON error envelope and {@code Retry-After: 1}. */
    SERVICE_UNAVAILABLE_503,
    /** 502 with an HTML body, as a reverse proxy answers. */
    HTML_502,
    /** 200 whose body is not JSON (a maintenance page). */
    NON_JSON_200,
    /** 429 with {@code Retry-After}. */
    RATE_LIMIT_429,
    /** The connection is reset before any response. */
    CONNECTION_RESET,
    /** 401 "Token expirado": the presented token is expired at once, so only a new login helps. */
    TOKEN_EXPIRED_401
}
