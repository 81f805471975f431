package com.pagingetl.launch;

/**
 * One {@code name=value} parameter of a job, for help, defaults and run identity.
 *
 * @param scope true when the parameter selects what is extracted (a démarche, a type): runs with
 *              different values are separate runs with separate watermarks, and may execute at once
 */
public record ParameterSpec(String name, String defaultValue, String description, boolean scope) {

    public static ParameterSpec option(String name, String defaultValue, String description) {
        return new ParameterSpec(name, defaultValue, description, false);
    }

    public static ParameterSpec scope(String name, String defaultValue, String description) {
        return new ParameterSpec(name, defaultValue, description, true);
    }
}
