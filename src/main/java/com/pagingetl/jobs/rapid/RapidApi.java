package com.pagingetl.jobs.rapid;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.http.ApiCallException;
import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.http.ApiResponse;
import com.pagingetl.http.ResponseSummary;
import com.pagingetl.paging.RestartFromFirstPageException;

/**
 * Signed GETs against Rapid, with Rapid's answers turned into the suite's errors: 410
 * {@code link.expired} becomes a {@link RestartFromFirstPageException}; 400, 401, 403 and every other
 * non-success status an {@link ApiCallException} with the API's own {@code type} and {@code message}; a
 * 401 also says whether the local clock is more than the allowed five minutes off the server's.
 * Thread-safe.
 */
final class RapidApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);

    private final ApiHttpClient http;
    private final RapidSigner signer;
    private final Clock clock;

    RapidApi(ApiHttpClient http, RapidSigner signer, Clock clock) {
        this.http = http;
        this.signer = signer;
        this.clock = clock;
    }

    boolean isApiOrigin(URI uri) {
        return http.isSameOrigin(uri);
    }

    URI origin() {
        return http.origin();
    }

    /** GETs {@code uri} and returns a successful response whose body is JSON. */
    ApiResponse get(URI uri, String operation) {
        ApiResponse response = http.send(operation, () -> HttpRequest.newBuilder(uri).GET()
                .header("Accept", "application/json")
                .header("Authorization", signer.authorizationHeader()));
        if (response.status() == 410) {
            throw new RestartFromFirstPageException("the next link expired (HTTP 410 " + ResponseSummary.of(response) + ")");
        }
        if (!response.isSuccess()) {
            throw new ApiCallException(operation + " failed: HTTP " + response.status() + " " + ResponseSummary.of(response)
                    + (response.status() == 401 ? clockAdvice(response) : ""), response.status(), null);
        }
        if (!response.looksLikeJson()) {
            throw new ApiCallException(operation + " failed: HTTP " + response.status() + " with a body that is not JSON "
                    + ResponseSummary.of(response) + " (Content-Type " + response.contentType() + ")", response.status(), null);
        }
        return response;
    }

    /** Compares the local clock with the {@code servertimestamp} field of a 401 body. */
    String clockAdvice(ApiResponse response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            for (JsonNode field : body.path("fields")) {
                if ("servertimestamp".equalsIgnoreCase(field.path("name").asString())) {
                    long server = Long.parseLong(field.path("value").asString().trim());
                    Duration skew = Duration.between(Instant.ofEpochSecond(server), clock.instant()).abs();
                    return skew.compareTo(ALLOWED_SKEW) > 0
                            ? "; the local clock is " + skew.toSeconds() + " s off the server's, more than the allowed 300 s: sync it (NTP)"
                            : "; the local clock is within " + skew.toSeconds() + " s of the server's, so check the API key and shared secret";
                }
            }
        } catch (RuntimeException unreadable) {
            // No usable servertimestamp: nothing to add.
        }
        return "; check the API key, the shared secret and the local clock";
    }
}
