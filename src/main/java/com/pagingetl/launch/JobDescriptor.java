package com.pagingetl.launch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the command line knows about a job without starting Spring: name, purpose, parameters, the
 * simulator that stands in for its API, and the configuration it reads (with environment variables).
 *
 * @param simulator     name of its simulator for {@code --simulate} ("rapid")
 * @param configuration lines of help on properties and environment variables, secrets included by name only
 */
public record JobDescriptor(String name, String summary, String simulator, List<ParameterSpec> parameters,
                            List<String> configuration) {

    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The given parameters with defaults filled in; unknown names are a usage error. */
    public Map<String, String> withDefaults(Map<String, String> given) {
        for (String name : given.keySet()) {
            if (parameter(name).isEmpty()) {
                throw new UsageException(this.name + " has no parameter '" + name + "'; its parameters are "
                        + parameters.stream().map(ParameterSpec::name).toList() + " (see --help --job=" + this.name + ")");
            }
        }
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (ParameterSpec p : parameters) {
            String value = given.getOrDefault(p.name(), p.defaultValue());
            if (value != null) {
                all.put(p.name(), value);
            }
        }
        return all;
    }
}
