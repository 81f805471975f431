package com.pagingetl.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The jobs' own meters, counted where the events happen (readers, the HTTP client, publish). Does nothing,
 * and touches no meter, unless metrics are configured ({@code etl.metrics.pushgateway-url}) and a registry is
 * {@linkplain #bind bound}: a run without metrics pays one volatile read per page or request.
 *
 * <p>Prometheus names: {@code etl_records_total}, {@code etl_pages_total},
 * {@code etl_http_requests_total{status}}, {@code etl_http_retries_total},
 * {@code etl_http_rate_limit_waits_seconds_count/_sum}, {@code etl_published_bytes_total},
 * {@code etl_published_records_total}, {@code etl_watermark_age_seconds{watermark}}.
 */
public final class EtlMeters {

    private static volatile MeterRegistry registry;

    private EtlMeters() {
    }

    static void bind(MeterRegistry meters) {
        registry = meters;
    }

    static void unbind(MeterRegistry meters) {
        if (registry == meters) {
            registry = null;
        }
    }

    /** A page fetched by a reader, with its records. */
    public static void page(int records) {
        MeterRegistry r = registry;
        if (r != null) {
            r.counter("etl.pages").increment();
            r.counter("etl.records").increment(records);
        }
    }

    /** An answer of the API with its HTTP status, or {@code -1} for a request that ended in an IO error. */
    public static void response(int status) {
        MeterRegistry r = registry;
        if (r != null) {
            r.counter("etl.http.requests", "status", status < 0 ? "io_error" : Integer.toString(status)).increment();
        }
    }

    /** A request about to be sent again after a transient failure. */
    public static void retry() {
        MeterRegistry r = registry;
        if (r != null) {
            r.counter("etl.http.retries").increment();
        }
    }

    /** A pause of every thread of the job after a 429 that said how long to wait. */
    public static void rateLimitWait(Duration wait) {
        MeterRegistry r = registry;
        if (r != null) {
            r.timer("etl.http.rate.limit.waits").record(wait.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    static void published(long bytes, long records) {
        MeterRegistry r = registry;
        if (r != null) {
            r.counter("etl.published.bytes").increment(bytes);
            r.counter("etl.published.records").increment(records);
        }
    }
}
