package com.pagingetl.simulator.systax;

import static com.pagingetl.simulator.SimulatorOption.ERROR_RATE;
import static com.pagingetl.simulator.SimulatorOption.LATENCY_MS;
import static com.pagingetl.simulator.SimulatorOption.RATE_LIMIT_RATE;
import static com.pagingetl.simulator.SimulatorOption.RESET_RATE;

import java.time.Duration;
import java.util.List;

import com.pagingetl.simulator.SimulatorOption;
import com.pagingetl.simulator.SimulatorOptions;

/** The validated {@code sim.*} options of the Systax simulator; each declaration below says its meaning. Immutable. */
record SystaxOptions(int size, int scenarios, long seed, String preset, int epoch, int changesPerRequest,
                     String username, String password, Duration tokenLifetime, String loginPath, String rulesPath,
                     int maxPageSize, int latencyMs, double errorRate, double rateLimitRate, double resetRate,
                     int retryAfterSeconds) {

    static final SimulatorOption<Integer> SIZE = SimulatorOption.integer("size", 100_000, 1, 5_000_000,
            "rules in the base data set (ignored by preset=seed-example)");
    static final SimulatorOption<Integer> SCENARIOS = SimulatorOption.integer("scenarios", 6, 1, 1000,
            "scenarios (id_cenario) the rules spread over");
    static final SimulatorOption<Long> SEED = SimulatorOption.longValue("seed", 42L, "seed of all generated data");
    static final SimulatorOption<String> PRESET = SimulatorOption.choice("preset", "",
            "seed-example for the seed's 220-rule example, or empty", "", DataSetGenerator.PRESET_SEED_EXAMPLE);
    static final SimulatorOption<Integer> EPOCH = SimulatorOption.integer("epoch", 0, 0, 1000,
            "change batches applied at start (1 by default with preset=seed-example)");
    static final SimulatorOption<Integer> CHANGES_PER_REQUEST = SimulatorOption.integer("changesPerRequest", 0, 0,
            Integer.MAX_VALUE, "random rules changed after each served rules page");
    static final SimulatorOption<String> USERNAME = SimulatorOption.text("username", "demo", false, "demo user");
    static final SimulatorOption<String> PASSWORD = SimulatorOption.text("password", "demo-systax-password", false,
            "demo password");
    static final SimulatorOption<Duration> TOKEN_LIFETIME = SimulatorOption.duration("tokenLifetime",
            Duration.ofHours(1), "lifetime of a login token");
    static final SimulatorOption<String> LOGIN_PATH = SimulatorOption.text("loginPath", "/auth/login", false,
            "path of the login endpoint");
    static final SimulatorOption<String> RULES_PATH = SimulatorOption.text("rulesPath", "/api/v1/regras", false,
            "path of the rules endpoint");
    static final SimulatorOption<Integer> MAX_PAGE_SIZE = SimulatorOption.integer("maxPageSize", 100, 1,
            Integer.MAX_VALUE, "largest page the server returns");
    static final SimulatorOption<Integer> RETRY_AFTER = SimulatorOption.integer("retryAfterSeconds", 1, 0, 3600,
            "Retry-After of a 429");
    static final List<SimulatorOption<?>> ALL = List.of(SIZE, SCENARIOS, SEED, PRESET, EPOCH, CHANGES_PER_REQUEST,
            USERNAME, PASSWORD, TOKEN_LIFETIME, LOGIN_PATH, RULES_PATH, MAX_PAGE_SIZE, LATENCY_MS, ERROR_RATE,
            RATE_LIMIT_RATE, RESET_RATE, RETRY_AFTER);

    /** @throws IllegalArgumentException for an unknown option or a malformed value, naming it */
    static SystaxOptions from(SimulatorOptions o) {
        o.check("systax", ALL);
        String preset = PRESET.from(o);
        int epoch = o.get("epoch").isPresent() ? EPOCH.from(o) : preset.isEmpty() ? 0 : 1;
        SystaxOptions options = new SystaxOptions(SIZE.from(o), SCENARIOS.from(o), SEED.from(o), preset, epoch,
                CHANGES_PER_REQUEST.from(o), USERNAME.from(o), PASSWORD.from(o), TOKEN_LIFETIME.from(o),
                LOGIN_PATH.from(o), RULES_PATH.from(o), MAX_PAGE_SIZE.from(o), LATENCY_MS.from(o), ERROR_RATE.from(o),
                RATE_LIMIT_RATE.from(o), RESET_RATE.from(o), RETRY_AFTER.from(o));
        options.validate();
        return options;
    }

    /** The rules that tie options together; each option's own range is in its declaration. */
    private void validate() {
        require(loginPath.startsWith("/") && !loginPath.startsWith("/__admin"), "loginPath", loginPath, "a path starting with /");
        require(rulesPath.startsWith("/") && !rulesPath.startsWith("/__admin") && !rulesPath.equals(loginPath),
                "rulesPath", rulesPath, "a path starting with / other than loginPath");
        require(errorRate + rateLimitRate + resetRate <= 1, "errorRate", errorRate + "/" + rateLimitRate + "/" + resetRate,
                "rates whose sum (with rateLimitRate, resetRate) is <= 1");
    }

    private static void require(boolean ok, String name, Object value, String rule) {
        if (!ok) {
            throw SimulatorOption.invalid(name, value, rule);
        }
    }
}
