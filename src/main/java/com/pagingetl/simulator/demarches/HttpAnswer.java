package com.pagingetl.simulator.demarches;

import java.util.Map;

/** A response decided by {@link GraphqlEndpoint}, independent of the HTTP server. Immutable. */
record HttpAnswer(int status, String contentType, String body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    static HttpAnswer json(int status, String body) {
        return new HttpAnswer(status, JSON, body, Map.of());
    }
}
