package com.pagingetl.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the {@link SimServer} hands it to a simulator: method, request target (path and query as
 * sent), headers by lower-case name (repeated headers joined with {@code ", "}), the body, the base URL the
 * client reached and the client's IP address. Immutable.
 */
public record SimRequest(String method, String target, Map<String, String> headers, byte[] body, String baseUrl,
                         String clientIp) {

    public SimRequest {
        headers = Map.copyOf(headers);
    }

    /** The path without the query, as sent (not decoded). */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The query parameters, each name mapped to its values in order. */
    public Map<String, List<String>> params() {
        int q = target.indexOf('?');
        return QueryStrings.parse(q < 0 ? "" : target.substring(q + 1));
    }

    /** The first value of query parameter {@code name}. @throws IllegalArgumentException when it is absent */
    public String param(String name) {
        List<String> values = params().get(name);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("query parameter " + name + " is required on " + method + " " + path());
        }
        return values.get(0);
    }

    /** The header's value, or null when the request has none. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean is(String method) {
        return this.method.equals(method);
    }

    public boolean acceptsGzip() {
        String accept = header("Accept-Encoding");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    }

    /** The URL the client asked for, e.g. {@code http://127.0.0.1:41234/v3/properties/content?token=x}. */
    public String absoluteUrl() {
        return baseUrl + target;
    }
}
