package com.pagingetl.simulator.rapid;

/** Ends the handling of a request with a Rapid error envelope. */
final class RapidApiException extends RuntimeException {

    private final transient RapidError error;

    RapidApiException(RapidError error) {
        super(error.type(), null, false, false);
        this.error = error;
    }

    RapidError error() {
        return error;
    }
}
