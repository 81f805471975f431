package com.pagingetl.simulator.systax;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import com.pagingetl.simulator.SimulatorOptions;

/**
 * The validated {@code sim.*} options of the Systax simulator, with their defaults. Immutable.
 *
 * @param size number of rules in the base data set (ignored by the seed-example preset)
 * @param scenarios number of scenarios ({@code id_cenario}) the rules spread over
 * @param seed seed of all generated data
 * @param preset {@code seed-example} for the seed's 220-record example, or empty
 * @param epoch number of deterministic change batches applied at start
 * @param changesPerRequest random rules changed after each served rules page
 */
record SystaxOptions(int size, int scenarios, long seed, String preset, int epoch, int changesPerRequest,
                     String username, String password, Duration tokenLifetime, String loginPath, String rulesPath,
                     int maxPageSize, int latencyMs, double errorRate, double rateLimitRate, double resetRate,
                     int retryAfterSeconds) {

    static SystaxOptions from(SimulatorOptions o) {
        String preset = o.string("preset", "").trim();
        if (!preset.isEmpty() && !DataSetGenerator.PRESET_SEED_EXAMPLE.equals(preset)) {
            throw new IllegalArgumentException("simulator option sim.preset=" + preset + " is not valid: use "
                    + DataSetGenerator.PRESET_SEED_EXAMPLE + " or leave it empty");
        }
        boolean seedExample = !preset.isEmpty();
        SystaxOptions options = new SystaxOptions(
                o.integer("size", 100_000),
                o.integer("scenarios", 6),
                o.longValue("seed", 42L),
                preset,
                o.integer("epoch", seedExample ? 1 : 0),
                o.integer("changesPerRequest", 0),
                o.string("username", "demo"),
                o.string("password", "demo-systax-password"),
                duration(o.string("tokenLifetime", "3600")),
                o.string("loginPath", "/auth/login"),
                o.string("rulesPath", "/api/v1/regras"),
                o.integer("maxPageSize", 100),
                o.integer("latencyMs", 0),
                o.decimal("errorRate", 0),
                o.decimal("rateLimitRate", 0),
                o.decimal("resetRate", 0),
                o.integer("retryAfterSeconds", 1));
        options.validate();
        return options;
    }

    private void validate() {
        require(size >= 1 && size <= 5_000_000, "size", size, "between 1 and 5000000");
        require(scenarios >= 1 && scenarios <= 1000, "scenarios", scenarios, "between 1 and 1000");
        require(epoch >= 0 && epoch <= 1000, "epoch", epoch, "between 0 and 1000");
        require(changesPerRequest >= 0, "changesPerRequest", changesPerRequest, ">= 0");
        require(!username.isBlank(), "username", username, "not blank");
        require(!password.isBlank(), "password", "***", "not blank");
        require(!tokenLifetime.isNegative() && !tokenLifetime.isZero(), "tokenLifetime", tokenLifetime, "positive");
        require(loginPath.startsWith("/") && !loginPath.startsWith("/__admin"), "loginPath", loginPath, "a path starting with /");
        require(rulesPath.startsWith("/") && !rulesPath.startsWith("/__admin") && !rulesPath.equals(loginPath),
                "rulesPath", rulesPath, "a path starting with / other than loginPath");
        require(maxPageSize >= 1, "maxPageSize", maxPageSize, ">= 1");
        require(latencyMs >= 0, "latencyMs", latencyMs, ">= 0");
        require(errorRate >= 0 && rateLimitRate >= 0 && resetRate >= 0 && errorRate + rateLimitRate + resetRate <= 1,
                "errorRate", errorRate + "/" + rateLimitRate + "/" + resetRate, "rates >= 0 whose sum (with rateLimitRate, resetRate) is <= 1");
        require(retryAfterSeconds >= 0, "retryAfterSeconds", retryAfterSeconds, ">= 0");
    }

    private static Duration duration(String raw) {
        String value = raw.trim();
        try {
            return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("simulator option sim.tokenLifetime=" + raw
                    + " is not valid: use seconds or an ISO-8601 duration such as PT1H", e);
        }
    }

    private static void require(boolean ok, String name, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("simulator option sim." + name + "=" + value + " is not valid: must be " + rule);
        }
    }
}
