package com.pagingetl.simulator.rapid;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A Rapid error envelope {@code {"type","message","fields":[{name,type,value}],"errors":[...]}} with its HTTP
 * status, plus the factory methods for the errors the real API documents. Immutable.
 */
record RapidError(int status, String type, String message, List<Field> fields, List<RapidError> errors) {

    /** One {@code fields} entry; {@code value} may be null (then it is omitted). */
    record Field(String name, String type, String value) {
    }

    static final String SUPPORTED_LANGUAGES = "[ar-SA, cs-CZ, da-DK, de-DE, el-GR, en-US, es-ES, es-MX, fi-FI, fr-CA, "
            + "fr-FR, hr-HR, hu-HU, id-ID, is-IS, it-IT, ja-JP, lt-LT, ko-KR, ms-MY, nb-NO, nl-NL, pl-PL, pt-BR, pt-PT, "
            + "ru-RU, sk-SK, sv-SE, th-TH, tr-TR, uk-UA, vi-VN, zh-CN, zh-TW]";

    static RapidError invalidInput(List<RapidError> errors) {
        return new RapidError(400, "invalid_input",
                "An invalid request was sent in, please check the nested errors for details.", List.of(), errors);
    }

    /** A nested error about one query-string parameter. */
    static RapidError param(String type, String message, String name, String... values) {
        List<Field> fields = values.length == 0 ? List.of(new Field(name, "querystring", null))
                : java.util.Arrays.stream(values).map(v -> new Field(name, "querystring", v)).toList();
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
        return invalidInput(List.of(new RapidError(400, "link.invalid", "Link is invalid.", List.of(), List.of())));
    }

    /** 400 for a header the OpenAPI requires with a fixed value, missing or different. */
    static RapidError header(String name, String message, String sent) {
        return invalidInput(List.of(new RapidError(400, name.toLowerCase(java.util.Locale.ROOT).replace('-', '_')
                + (sent == null ? ".required" : ".invalid"), message, List.of(new Field(name, "header", sent)),
                List.of())));
    }

    static RapidError unauthorized() {
        return simple(403, "request_unauthorized", "Your request could not be authorized.");
    }

    static RapidError linkExpired() {
        return simple(410, "link.expired",
                "The link you followed has expired. Please build a new request to restart pagination.");
    }

    static RapidError tooManyRequests() {
        return simple(429, "too_many_requests", "You have reached your capacity for this type of request.");
    }

    static RapidError internal() {
        return simple(500, "unknown_internal_error", "An internal server error has occurred.");
    }

    static RapidError unavailable() {
        return simple(503, "service_unavailable", "This service is currently unavailable.");
    }

    static RapidError notFound(String path) {
        return simple(404, "resource_not_found", "The requested resource " + path + " does not exist.");
    }

    static RapidError ofStatus(int status) {
        return switch (status) {
            case 400 -> invalidInput(List.of(param("request.invalid", "The request could not be processed.", "request")));
            case 401 -> unauthenticated(null, null, null, 0);
            case 403 -> unauthorized();
            case 410 -> linkExpired();
            case 429 -> tooManyRequests();
            case 503 -> unavailable();
            default -> new RapidError(status, status >= 500 ? "unknown_internal_error" : "error",
                    status >= 500 ? "An internal server error has occurred." : "HTTP " + status, List.of(), List.of());
        };
    }

    private static RapidError simple(int status, String type, String message) {
        return new RapidError(status, type, message, List.of(), List.of());
    }

    byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JsonMapper.shared().createGenerator(out)) {
            write(g);
        }
        return out.toByteArray();
    }

    private void write(JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("type", type);
        g.writeStringProperty("message", message);
        if (!fields.isEmpty()) {
            g.writeArrayPropertyStart("fields");
            for (Field f : fields) {
                g.writeStartObject();
                g.writeStringProperty("name", f.name());
                g.writeStringProperty("type", f.type());
                if (f.value() != null) {
                    g.writeStringProperty("value", f.value());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!errors.isEmpty()) {
            g.writeArrayPropertyStart("errors");
            for (RapidError e : errors) {
                e.write(g);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
