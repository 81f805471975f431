package com.pagingetl.simulator;

import java.util.Map;
import java.util.Optional;

/**
 * Options given to a simulator as {@code sim.<name>=<value>} on the command line, read with defaults.
 * Immutable and thread-safe.
 */
public record SimulatorOptions(Map<String, String> values) {

    public SimulatorOptions {
        values = Map.copyOf(values);
    }

    public static SimulatorOptions none() {
        return new SimulatorOptions(Map.of());
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public int integer(String name, int defaultValue) {
        return parse(name, defaultValue, Integer::parseInt);
    }

    public long longValue(String name, long defaultValue) {
        return parse(name, defaultValue, Long::parseLong);
    }

    public double decimal(String name, double defaultValue) {
        return parse(name, defaultValue, Double::parseDouble);
    }

    public boolean bool(String name, boolean defaultValue) {
        return parse(name, defaultValue, Boolean::parseBoolean);
    }

    private <T> T parse(String name, T defaultValue, java.util.function.Function<String, T> parser) {
        String raw = values.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("simulator option sim." + name + "=" + raw + " is not valid: " + e.getMessage(), e);
        }
    }
}
