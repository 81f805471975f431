package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.SimulatorOptions;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The validated {@code sim.*} options of the Rapid simulator, with their defaults. Immutable and thread-safe.
 *
 * @param size              number of properties generated (active and inactive)
 * @param seed              seed of the deterministic data set and of the random faults
 * @param pageSize          properties per page, chosen by the server as the real API does
 * @param linkLifetime      how long a {@code Link rel="next"} token stays valid
 * @param latencyMs         fixed delay added to every API response
 * @param errorRate         share of API requests answered with 500/503
 * @param rateLimitRate     share of API requests answered with 429
 * @param retryAfterSeconds value of the {@code Retry-After} header on 429
 * @param resetRate         share of API requests whose connection is reset
 * @param inactiveShare     share of generated properties that are inactive
 * @param apiKey            demo API key
 * @param sharedSecret      demo shared secret
 * @param unauthorizedKeys  comma-separated keys that authenticate but are refused with 403
 */
public record RapidOptions(int size, long seed, int pageSize, Duration linkLifetime, long latencyMs, double errorRate,
                           double rateLimitRate, int retryAfterSeconds, double resetRate, double inactiveShare,
                           String apiKey, String sharedSecret, String unauthorizedKeys) {

    public static final String DEFAULT_API_KEY = "demo-rapid-key";
    public static final String DEFAULT_SHARED_SECRET = "demo-rapid-secret";

    public static RapidOptions from(SimulatorOptions options) {
        int size = options.integer("size", 50_000);
        require(size >= 0 && size <= 2_000_000, "size", size);
        int pageSize = options.integer("pageSize", 250);
        require(pageSize >= 1 && pageSize <= 10_000, "pageSize", pageSize);
        long latency = options.longValue("latencyMs", 0);
        require(latency >= 0 && latency <= 60_000, "latencyMs", latency);
        double errorRate = rate(options, "errorRate", 0);
        double rateLimitRate = rate(options, "rateLimitRate", 0);
        double resetRate = rate(options, "resetRate", 0);
        double inactiveShare = rate(options, "inactiveShare", 0.02);
        int retryAfter = options.integer("retryAfterSeconds", 1);
        require(retryAfter >= 0 && retryAfter <= 3600, "retryAfterSeconds", retryAfter);
        String apiKey = options.string("apiKey", DEFAULT_API_KEY);
        String secret = options.string("sharedSecret", DEFAULT_SHARED_SECRET);
        if (apiKey.isBlank() || apiKey.contains(",")) {
            throw new IllegalArgumentException("simulator option sim.apiKey must be non-blank and contain no comma");
        }
        if (secret.isBlank()) {
            throw new IllegalArgumentException("simulator option sim.sharedSecret must be non-blank");
        }
        return new RapidOptions(size, options.longValue("seed", 20260101L), pageSize, lifetime(options), latency,
                errorRate, rateLimitRate, retryAfter, resetRate, inactiveShare, apiKey, secret,
                options.string("unauthorizedKeys", ""));
    }

    private static Duration lifetime(SimulatorOptions options) {
        String raw = options.string("linkLifetime", "PT1H").trim();
        Duration d;
        try {
            d = raw.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(raw)) : Duration.parse(raw);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("simulator option sim.linkLifetime=" + raw
                    + " is not valid: use an ISO-8601 duration (PT1H) or seconds");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("simulator option sim.linkLifetime=" + raw + " must be positive");
        }
        return d;
    }

    private static double rate(SimulatorOptions options, String name, double def) {
        double v = options.decimal(name, def);
        require(v >= 0 && v <= 1, name, v);
        return v;
    }

    private static void require(boolean ok, String name, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("simulator option sim." + name + "=" + value + " is out of range");
        }
    }
}
