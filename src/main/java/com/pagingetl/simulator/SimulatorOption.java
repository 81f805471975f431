package com.pagingetl.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One {@code sim.<name>} option of a simulator, declared once with its type, default, help text and validation.
 * A simulator lists its declarations; {@link SimulatorOptions#check} refuses a name none declares, and
 * {@link #from} reads a value or the default, refusing a malformed or out-of-range one with one line naming the
 * option, the value and the rule. Immutable and thread-safe.
 *
 * @param rule what a valid value is, as the refusal states it
 * @param <T>  the option's Java type
 */
public record SimulatorOption<T>(String name, T defaultValue, String help, Function<String, T> parser,
                                 Predicate<T> valid, String rule) {

    /** The fault options every simulator that has them shares, declared once. */
    public static final SimulatorOption<Integer> LATENCY_MS = integer("latencyMs", 0, 0, 60_000,
            "delay added to every API answer");
    public static final SimulatorOption<Double> ERROR_RATE = share("errorRate", 0,
            "share of API requests answered with a 5xx");
    public static final SimulatorOption<Double> RATE_LIMIT_RATE = share("rateLimitRate", 0,
            "share of API requests answered 429 with the API's rate-limit headers");
    public static final SimulatorOption<Double> RESET_RATE = share("resetRate", 0,
            "share of API requests whose connection is reset");

    /** An integer within {@code [min, max]}. */
    public static SimulatorOption<Integer> integer(String name, int defaultValue, int min, int max, String help) {
        return new SimulatorOption<>(name, defaultValue, help, Integer::parseInt, v -> v >= min && v <= max,
                "an integer between " + min + " and " + max);
    }

    /** Any 64-bit integer, such as a seed. */
    public static SimulatorOption<Long> longValue(String name, long defaultValue, String help) {
        return new SimulatorOption<>(name, defaultValue, help, Long::parseLong, v -> true, "an integer");
    }

    /** A share of requests or records, between 0 and 1. */
    public static SimulatorOption<Double> share(String name, double defaultValue, String help) {
        return new SimulatorOption<>(name, defaultValue, help, Double::parseDouble, v -> v >= 0 && v <= 1,
                "a number between 0 and 1");
    }

    /** Free text; {@code blankAllowed} false refuses an empty value. */
    public static SimulatorOption<String> text(String name, String defaultValue, boolean blankAllowed, String help) {
        return new SimulatorOption<>(name, defaultValue, help, String::trim, v -> blankAllowed || !v.isBlank(),
                "a non-blank text");
    }

    /** One of a fixed list of words; the first is not necessarily the default. */
    public static SimulatorOption<String> choice(String name, String defaultValue, String help, String... values) {
        List<String> allowed = List.of(values);
        return new SimulatorOption<>(name, defaultValue, help, String::trim, allowed::contains,
                "one of " + String.join(", ", allowed));
    }

    /** A positive duration: seconds, or ISO-8601 such as {@code PT1H}. */
    public static SimulatorOption<Duration> duration(String name, Duration defaultValue, String help) {
        return new SimulatorOption<>(name, defaultValue, help, SimulatorOption::parseDuration,
                d -> !d.isNegative() && !d.isZero(), "a positive duration in seconds or ISO-8601 (PT1H)");
    }

    /** The given value or the default; a blank value counts as not given, except for text options. */
    public T from(SimulatorOptions options) {
        String raw = options.get(name).orElse(null);
        if (raw == null || raw.isBlank() && !(defaultValue instanceof String)) {
            return defaultValue;
        }
        T value;
        try {
            value = parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw invalid(name, raw, rule);
        }
        if (!valid.test(value)) {
            throw invalid(name, raw, rule);
        }
        return value;
    }

    /** The one-line refusal of {@code sim.<name>=<value>}; also for rules that tie several options together. */
    public static IllegalArgumentException invalid(String name, Object value, String rule) {
        return new IllegalArgumentException("simulator option sim." + name + "=" + value + " is not valid: must be "
                + rule);
    }

    /** {@code sim.name (default <value>): help}, one line of a simulator's option list. */
    public String describe() {
        return "sim." + name + " (default " + (defaultValue instanceof String t && t.isEmpty() ? "empty" : defaultValue)
                + "): " + help;
    }

    private static Duration parseDuration(String raw) {
        try {
            return raw.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(raw)) : Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One {@link #describe} line per option, indented, for a simulator's start-up text. */
    public static String describeAll(List<SimulatorOption<?>> options) {
        return options.stream().map(o -> "    " + o.describe()).collect(Collectors.joining(System.lineSeparator()));
    }

    /** The names of {@code options}, for the one-line list given when an unknown option is refused. */
    public static String names(List<SimulatorOption<?>> options) {
        return options.stream().map(o -> "sim." + o.name).collect(Collectors.joining(", "));
    }
}
