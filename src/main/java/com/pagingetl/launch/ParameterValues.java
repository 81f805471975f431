package com.pagingetl.launch;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A job's parameters after {@link JobDescriptor#validate}: every declared parameter with its value or default,
 * each one allowed by its {@link ParameterType}, so the typed reads below cannot fail on a value the
 * command line gave. Immutable.
 */
public final class ParameterValues {

    private final Map<String, String> values;

    ParameterValues(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The value as given or defaulted; "" when an optional parameter is not set. */
    public String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' was declared");
        }
        return value;
    }

    public int integer(String name) {
        return Integer.parseInt(string(name));
    }

    public boolean bool(String name) {
        return Boolean.parseBoolean(string(name));
    }

    /** The elements of a comma-separated value, trimmed; empty when not set. */
    public List<String> list(String name) {
        return split(string(name));
    }

    public boolean isSet(String name) {
        return !string(name).isEmpty();
    }

    /** Every parameter by name, in declaration order. */
    public Map<String, String> asMap() {
        return values;
    }

    static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
