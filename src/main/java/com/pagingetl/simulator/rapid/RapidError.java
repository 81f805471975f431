package com.pagingetl.simulator.rapid;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A Rapid error envelope {@code {"type","message","fields":[{name,type,value}],"errors":[...]}} with its HTTP
 * status, plus the factory methods for the errors the real API documents. Immutable.
 */
record RapidError(@JsonIgnore int status, String type, String message,
                  @JsonInclude(Include.NON_EMPTY) List<Field> fields,
                  @JsonInclude(Include.NON_EMPTY) List<RapidError> errors) {

    /** One {@code fields} entry; {@code value} may be null (then it is omitted). */
    @JsonInclude(Include.NON_NULL)
    record Field(String name, String type, String value) {
    }

    static RapidError invalidInput(List<RapidError> errors) {
        return new RapidError(400, "invalid_input",
                "An invalid request was sent in, please check the nested errors for details.", List.of(), errors);
    }

    /** A nested error about one query-string parameter. */
    static RapidError param(String type, String message, String name, String... values) {
        List<Field> fields = values.length == 0 ? List.of(new Field(name, "querystring", null))
                : Arrays.stream(values).map(v -> new Field(name, "querystring", v)).toList();
        return new RapidError(400, type, message, fields, List.of());
    }

    /**
     * 401 echoing the key, signature and timestamp as sent (absent ones as empty), as the real API does so that
     * a caller can see what it sent; the job redacts what servers echo before it logs anything.
     */
    static RapidError unauthenticated(String apiKey, String signature, String timestamp, long serverSeconds) {
        return new RapidError(401, "request_unauthenticated",
                "Data required to authenticate your request is missing or inaccurate. Ensure that your request "
                        + "follows the guidelines in our documentation.",
                List.of(new Field("apikey", "header", apiKey == null ? "" : apiKey),
                        new Field("signature", "header", signature == null ? "" : signature),
                        new Field("timestamp", "header", timestamp == null ? "" : timestamp),
                        new Field("servertimestamp", "server", Long.toString(serverSeconds))), List.of());
    }

    /** 400 {@code link.invalid}, the OpenAPI's type for a paging link that was altered or is not one. */
    static RapidError linkInvalid() {
        return invalidInput(List.of(simple(400, "link.invalid", "Link is invalid.")));
    }

    /** 400 for a header the OpenAPI requires with a fixed value, missing or different. */
    static RapidError header(String name, String message, String sent) {
        return invalidInput(List.of(new RapidError(400, name.toLowerCase(Locale.ROOT).replace('-', '_')
                + (sent == null ? ".required" : ".invalid"), message, List.of(new Field(name, "header", sent)),
                List.of())));
    }

    static RapidError notFound(String path) {
        return simple(404, "resource_not_found", "The requested resource " + path + " does not exist.");
    }

    /**
     * The API's error for {@code status}: 403 {@code request_unauthorized}, 410 {@code link.expired}, 429
     * {@code too_many_requests}, 503 {@code service_unavailable}, another 5xx {@code unknown_internal_error}.
     */
    static RapidError ofStatus(int status) {
        return switch (status) {
            case 400 -> invalidInput(List.of(param("request.invalid", "The request could not be processed.", "request")));
            case 401 -> unauthenticated(null, null, null, 0);
            case 403 -> simple(403, "request_unauthorized", "Your request could not be authorized.");
            case 410 -> simple(410, "link.expired",
                    "The link you followed has expired. Please build a new request to restart pagination.");
            case 429 -> simple(429, "too_many_requests", "You have reached your capacity for this type of request.");
            case 503 -> simple(503, "service_unavailable", "This service is currently unavailable.");
            default -> status >= 500
                    ? simple(status, "unknown_internal_error", "An internal server error has occurred.")
                    : simple(status, "error", "HTTP " + status);
        };
    }

    private static RapidError simple(int status, String type, String message) {
        return new RapidError(status, type, message, List.of(), List.of());
    }

    byte[] toJson() {
        return JsonMapper.shared().writeValueAsBytes(this);
    }
}
