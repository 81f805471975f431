package com.pagingetl.http;

import java.time.Duration;

/**
 * Transport settings shared by every job: timeouts, retry budget, backoff and client-side rate.
 *
 * @param connectTimeout      TCP connect timeout
 * @param requestTimeout      time allowed for one whole exchange, body included
 * @param maxAttempts         attempts per request for transient failures (IO, 429, 5xx), first one included
 * @param initialBackoff      backoff before the second attempt; doubles per attempt
 * @param maxBackoff          cap on one computed backoff
 * @param maxServerWait       cap on a wait the server asks for (Retry-After, reset headers)
 * @param requestsPerSecond   client-side ceiling shared by all threads of a job; 0 means none
 * @param userAgent           sent on every request
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                           Duration initialBackoff, Duration maxBackoff, Duration maxServerWait,
                           double requestsPerSecond, String userAgent) {

    public HttpSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("etl.http.max-attempts must be at least 1, was " + maxAttempts);
        }
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("etl.http.requests-per-second must not be negative, was " + requestsPerSecond);
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(120), 6, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofMinutes(5), 0, "paging-etl/0.1");
    }
}
