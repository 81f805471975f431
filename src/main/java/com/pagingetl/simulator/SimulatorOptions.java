package com.pagingetl.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Options given to a simulator as {@code sim.<name>=<value>} on the command line, as given: each simulator
 * {@linkplain #check checks} them against its {@link SimulatorOption} declarations, which read them typed.
 * Immutable and thread-safe.
 */
public record SimulatorOptions(Map<String, String> values) {

    public SimulatorOptions {
        values = Map.copyOf(values);
    }

    public static SimulatorOptions none() {
        return new SimulatorOptions(Map.of());
    }

    /**
     * Refuses any option that {@code declared} does not name, with one line listing the known ones, and any
     * malformed or out-of-range value of a declared one; returns this for chaining.
     *
     * @throws IllegalArgumentException naming the option, the simulator and the rule
     */
    public SimulatorOptions check(String simulator, List<SimulatorOption<?>> declared) {
        for (String name : new TreeSet<>(values.keySet())) {
            if (declared.stream().noneMatch(o -> o.name().equals(name))) {
                throw new IllegalArgumentException("unknown simulator option sim." + name + " for the " + simulator
                        + " simulator; known options: " + SimulatorOption.names(declared));
            }
        }
        declared.forEach(o -> o.from(this));
        return this;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
