package com.pagingetl.simulator.rapid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer being built: status, headers, the uncompressed body, and whether the body is JSON to be gzip-encoded
 * for the client. Faults may still change it before it is sent. Not thread-safe: one per request.
 */
final class RapidReply {

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final byte[] body;
    String nextUrl;
    String linkExpires;

    RapidReply(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    static RapidReply error(RapidError error) {
        return new RapidReply(error.status(), error.toJson());
    }

    RapidReply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
