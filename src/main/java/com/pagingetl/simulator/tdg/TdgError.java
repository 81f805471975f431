package com.pagingetl.simulator.tdg;

/**
 * An error TDG reports in its GraphQL envelope: the message and the {@code extensions.code} number
 * (400 for client mistakes, 500 for execution failures such as hard limits). Immutable.
 */
public final class TdgError extends RuntimeException {

    private final int code;

    public TdgError(String message, int code) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
