package com.pagingetl.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next attempt: the server's own word when it gives one
 * ({@code Retry-After} in seconds or as an HTTP date, or a rate-limit reset header), otherwise
 * exponential backoff with jitter. Stateless and thread-safe.
 */
final class RetryDelays {

    /** Reset headers seen on the suite's APIs; values are epoch seconds, epoch millis or delta seconds. */
    private static final String[] RESET_HEADERS = {"RateLimit-Reset", "X-RateLimit-Reset", "Rate-Limit-Minute-Reset",
            "Rate-Limit-Day-Reset"};

    private final HttpSettings settings;

    RetryDelays(HttpSettings settings) {
        this.settings = settings;
    }

    /** Exponential backoff for the given attempt (1 = first retry) with "equal jitter": half fixed, half random. */
    Duration backoff(int attempt) {
        long base = settings.initialBackoff().toMillis();
        long capped = Math.min(settings.maxBackoff().toMillis(), base << Math.min(attempt - 1, 20));
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /**
     * The wait the server asked for, capped by {@code maxServerWait}; empty when it asked for none.
     * Reset headers count only on a 429: Rapid sends its quota headers on every answer, and a 503 must not
     * wait for the end of the day's window.
     */
    Optional<Duration> serverRequested(ApiResponse response, Instant now) {
        Optional<Duration> requested = response.header("Retry-After").flatMap(v -> parseRetryAfter(v, now));
        if (requested.isEmpty() && response.status() == 429) {
            for (String name : RESET_HEADERS) {
                requested = response.header(name).flatMap(v -> parseReset(v, now));
                if (requested.isPresent()) {
                    break;
                }
            }
        }
        return requested.map(d -> d.compareTo(settings.maxServerWait()) > 0 ? settings.maxServerWait() : d);
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(nonNegative(Duration.between(now, at)));
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }

    static Optional<Duration> parseReset(String value, Instant now) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (n > 100_000_000_000L) {
            return Optional.of(nonNegative(Duration.between(now, Instant.ofEpochMilli(n))));
        }
        if (n > 1_000_000_000L) {
            return Optional.of(nonNegative(Duration.between(now, Instant.ofEpochSecond(n))));
        }
        return Optional.of(Duration.ofSeconds(Math.max(0, n)));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
