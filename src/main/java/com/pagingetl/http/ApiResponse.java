package com.pagingetl.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One answer from an API with its body already decoded (gzip removed). Holds one page at most;
 * callers drop it as soon as the page is parsed.
 */
public record ApiResponse(URI uri, int status, HttpHeaders headers, byte[] body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as text, for error messages; the record path never decodes a body. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the body starts, after whitespace, like a JSON object or array, looking at its first bytes only. */
    public boolean looksLikeJson() {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }
}
