package com.pagingetl.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

    @Test
    void pausesUntilTheLatestRequestedInstant() {
        Instant now = Instant.parse("2026-11-22T06:00:00Z");
        RateLimiter limiter = new RateLimiter(0, Clock.fixed(now, ZoneOffset.UTC));

        limiter.pauseUntil(now.plusSeconds(5));
        limiter.pauseUntil(now.plusSeconds(2));

        assertThat(limiter.pauseRemaining()).as("an earlier reset never shortens the pause").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void pauseInThePastIsNoPause() {
        Instant now = Instant.parse("2026-11-22T06:00:00Z");
        RateLimiter limiter = new RateLimiter(0, Clock.fixed(now, ZoneOffset.UTC));

        limiter.pauseUntil(now.minusSeconds(5));

        assertThat(limiter.pauseRemaining()).isZero();
    }

    @Test
    void spacesRequestsAtTheConfiguredRate() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(100);
        long start = System.nanoTime();

        for (int i = 0; i < 6; i++) {
            limiter.acquire();
        }

        assertThat((System.nanoTime() - start) / 1_000_000).as("5 intervals of 10 ms").isGreaterThanOrEqualTo(45);
    }

    @Test
    void noRateMeansNoWait() {
        RateLimiter limiter = new RateLimiter(0);

        // A hang guard, not a timing: 100,000 acquires spaced by even 1 ms would take 100 s.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 100_000; i++) {
                limiter.acquire();
            }
        });
    }
}
