package com.pagingetl.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RetryDelaysTests {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    private static HttpSettings settings(Duration initial, Duration maxBackoff, Duration maxServerWait) {
        return new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 5, initial, maxBackoff, maxServerWait, 0, "t");
    }

    private static final RetryDelays DELAYS = new RetryDelays(settings(Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofMinutes(5)));

    @Test
    void quotaResetHeadersOnAServerErrorAreNotAWaitRequest() {
        ApiResponse unavailable = new ApiResponse(URI.create("https://a.test/"), 503, HttpHeaders.of(
                Map.of("Rate-Limit-Day-Reset", List.of(Long.toString(NOW.plusSeconds(3600).toEpochMilli()))), (a, b) -> true),
                new byte[0]);

        assertThat(DELAYS.serverRequested(unavailable, NOW)).isEmpty();
    }

    private static ApiResponse response(String... headerPairs) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
        }
        return new ApiResponse(URI.create("https://a.test/"), 429, HttpHeaders.of(headers, (a, b) -> true), new byte[0]);
    }

    @Test
    void retryAfterInSeconds() {
        assertThat(DELAYS.serverRequested(response("Retry-After", "7"), NOW)).contains(Duration.ofSeconds(7));
        assertThat(DELAYS.serverRequested(response("Retry-After", " 0 "), NOW)).contains(Duration.ZERO);
    }

    @Test
    void retryAfterAsHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(42).atZone(ZoneOffset.UTC));

        assertThat(DELAYS.serverRequested(response("Retry-After", date), NOW)).contains(Duration.ofSeconds(42));
    }

    @Test
    void retryAfterInThePastMeansNow() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(42).atZone(ZoneOffset.UTC));

        assertThat(DELAYS.serverRequested(response("Retry-After", date), NOW)).contains(Duration.ZERO);
        assertThat(DELAYS.serverRequested(response("Retry-After", "-3"), NOW)).contains(Duration.ZERO);
    }

    @Test
    void unreadableRetryAfterAsksForNothing() {
        assertThat(DELAYS.serverRequested(response("Retry-After", "soon"), NOW)).isEmpty();
        assertThat(DELAYS.serverRequested(response(), NOW)).isEmpty();
    }

    @Test
    void resetHeaderAsEpochSeconds() {
        String at = String.valueOf(NOW.plusSeconds(30).getEpochSecond());

        assertThat(DELAYS.serverRequested(response("X-RateLimit-Reset", at), NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void resetHeaderAsEpochMillis() {
        String at = String.valueOf(NOW.plusMillis(1500).toEpochMilli());

        assertThat(DELAYS.serverRequested(response("RateLimit-Reset", at), NOW)).contains(Duration.ofMillis(1500));
    }

    @Test
    void resetHeaderAsDeltaSeconds() {
        assertThat(DELAYS.serverRequested(response("Rate-Limit-Minute-Reset", "12"), NOW)).contains(Duration.ofSeconds(12));
        assertThat(DELAYS.serverRequested(response("Rate-Limit-Day-Reset", "120"), NOW)).contains(Duration.ofMinutes(2));
    }

    @Test
    void resetInThePastMeansNow() {
        String at = String.valueOf(NOW.minusSeconds(30).getEpochSecond());

        assertThat(DELAYS.serverRequested(response("X-RateLimit-Reset", at), NOW)).contains(Duration.ZERO);
    }

    @Test
    void retryAfterWinsOverResetHeaders() {
        assertThat(DELAYS.serverRequested(response("Retry-After", "3", "X-RateLimit-Reset", "60"), NOW))
                .contains(Duration.ofSeconds(3));
    }

    @Test
    void serverWaitIsCappedByMaxServerWait() {
        assertThat(DELAYS.serverRequested(response("Retry-After", "86400"), NOW)).contains(Duration.ofMinutes(5));
        String at = String.valueOf(NOW.plus(Duration.ofHours(2)).getEpochSecond());
        assertThat(DELAYS.serverRequested(response("X-RateLimit-Reset", at), NOW)).contains(Duration.ofMinutes(5));
    }

    @Test
    void backoffGrowsAndStaysWithinHalfAndFullOfTheCappedValue() {
        RetryDelays delays = new RetryDelays(settings(Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofMinutes(1)));
        long[] capped = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int attempt = 1; attempt <= capped.length; attempt++) {
            long full = capped[attempt - 1];
            for (int i = 0; i < 200; i++) {
                assertThat(delays.backoff(attempt).toMillis()).as("attempt %d", attempt).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void backoffOfManyAttemptsDoesNotOverflow() {
        RetryDelays delays = new RetryDelays(settings(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1)));

        assertThat(delays.backoff(64).toMillis()).isBetween(15_000L, 30_000L);
        assertThat(delays.backoff(1_000).toMillis()).isBetween(15_000L, 30_000L);
    }
}
