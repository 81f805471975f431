package com.pagingetl.simulator.rapid;

import static com.pagingetl.simulator.SimulatorOption.ERROR_RATE;
import static com.pagingetl.simulator.SimulatorOption.LATENCY_MS;
import static com.pagingetl.simulator.SimulatorOption.RATE_LIMIT_RATE;
import static com.pagingetl.simulator.SimulatorOption.RESET_RATE;

import com.pagingetl.simulator.SimulatorOption;
import com.pagingetl.simulator.SimulatorOptions;

import java.time.Duration;
import java.util.List;

/**
 * The validated {@code sim.*} options of the Rapid simulator, with their defaults; each component is the option of
 * its name (see the option's help), {@code emptyLastPage} is {@code sim.lastPage=empty}. Immutable and thread-safe.
 */
public record RapidOptions(int size, long seed, int pageSize, Duration linkLifetime, long latencyMs, double errorRate,
                           double rateLimitRate, int retryAfterSeconds, double resetRate, double inactiveShare,
                           String apiKey, String sharedSecret, String unauthorizedKeys, boolean emptyLastPage) {

    public static final String DEFAULT_API_KEY = "demo-rapid-key";
    public static final String DEFAULT_SHARED_SECRET = "demo-rapid-secret";

    static final SimulatorOption<Integer> SIZE = SimulatorOption.integer("size", 50_000, 0, 2_000_000,
            "properties generated, active and inactive");
    static final SimulatorOption<Long> SEED = SimulatorOption.longValue("seed", 20260101L,
            "seed of the data set and of the random faults");
    static final SimulatorOption<Integer> PAGE_SIZE = SimulatorOption.integer("pageSize", 250, 1, 10_000,
            "properties per page, chosen by the server");
    static final SimulatorOption<Duration> LINK_LIFETIME = SimulatorOption.duration("linkLifetime", Duration.ofHours(1),
            "how long a next link stays valid");
    static final SimulatorOption<Integer> RETRY_AFTER = SimulatorOption.integer("retryAfterSeconds", 1, 0, 3600,
            "seconds to the Rate-Limit-Minute-Reset a 429 announces");
    static final SimulatorOption<Double> INACTIVE_SHARE = SimulatorOption.share("inactiveShare", 0.02,
            "share of generated properties that are inactive");
    static final SimulatorOption<String> API_KEY = SimulatorOption.text("apiKey", DEFAULT_API_KEY, false, "demo API key");
    static final SimulatorOption<String> SHARED_SECRET = SimulatorOption.text("sharedSecret", DEFAULT_SHARED_SECRET,
            false, "demo shared secret");
    static final SimulatorOption<String> UNAUTHORIZED_KEYS = SimulatorOption.text("unauthorizedKeys", "", true,
            "comma-separated keys that authenticate but are refused with 403");
    static final SimulatorOption<String> LAST_PAGE = SimulatorOption.choice("lastPage", "empty",
            "empty: the last Link leads to an empty page without Link; data: the last page with data has no Link",
            "empty", "data");
    static final List<SimulatorOption<?>> ALL = List.of(SIZE, SEED, PAGE_SIZE, LINK_LIFETIME, LATENCY_MS, ERROR_RATE,
            RATE_LIMIT_RATE, RETRY_AFTER, RESET_RATE, INACTIVE_SHARE, API_KEY, SHARED_SECRET, UNAUTHORIZED_KEYS,
            LAST_PAGE);

    /** @throws IllegalArgumentException for an unknown option or a malformed value, naming it */
    public static RapidOptions from(SimulatorOptions options) {
        options.check("rapid", ALL);
        String apiKey = API_KEY.from(options);
        if (apiKey.contains(",")) {
            throw new IllegalArgumentException("simulator option sim.apiKey must contain no comma");
        }
        return new RapidOptions(SIZE.from(options), SEED.from(options), PAGE_SIZE.from(options),
                LINK_LIFETIME.from(options), LATENCY_MS.from(options), ERROR_RATE.from(options),
                RATE_LIMIT_RATE.from(options), RETRY_AFTER.from(options), RESET_RATE.from(options),
                INACTIVE_SHARE.from(options), apiKey, SHARED_SECRET.from(options), UNAUTHORIZED_KEYS.from(options),
                LAST_PAGE.from(options).equals("empty"));
    }
}
