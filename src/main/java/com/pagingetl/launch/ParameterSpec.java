package com.pagingetl.launch;

import java.util.Objects;

/**
 * One {@code name=value} parameter of a job, declared once: it drives parsing, validation, defaults, --help,
 * the job READMEs' parameter tables and run identity.
 *
 * @param defaultValue the value when none is given; null makes the parameter required; "" means "not set", and
 *                     an explicit empty value is then allowed whatever the type
 * @param scope        true when the parameter selects what is extracted (a démarche, a type): runs with
 *                     different values are separate runs with separate watermarks, and may execute at once
 */
public record ParameterSpec(String name, ParameterType type, String defaultValue, String description, boolean scope) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static ParameterSpec option(String name, ParameterType type, String defaultValue, String description) {
        return new ParameterSpec(name, type, defaultValue, description, false);
    }

    public static ParameterSpec scope(String name, ParameterType type, String defaultValue, String description) {
        return new ParameterSpec(name, type, defaultValue, description, true);
    }

    public boolean required() {
        return defaultValue == null;
    }

    /**
     * @param job the job's name, for the message
     * @throws UsageException one line naming the job, the parameter, the value and the allowed values
     */
    void check(String job, String value) {
        if (value.isEmpty() && "".equals(defaultValue)) {
            return;
        }
        String problem = type.problem(value);
        if (problem != null) {
            throw new UsageException(job + ": " + name + "=" + value + " is not allowed: " + problem);
        }
    }
}
