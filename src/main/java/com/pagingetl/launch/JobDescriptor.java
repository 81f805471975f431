package com.pagingetl.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What the command line knows about a job without starting Spring: name, purpose, parameters, the
 * simulator that stands in for its API, and the configuration it reads (with environment variables).
 *
 * @param simulator     name of its simulator for {@code --simulate} ("rapid")
 * @param configuration lines of help on properties and environment variables, secrets included by name only
 * @param rules         checks that involve more than one parameter (mode=asOf needs version=), run after every
 *                      value passed its own type
 */
public record JobDescriptor(String name, String summary, String simulator, List<ParameterSpec> parameters,
                            List<String> configuration, Rules rules) {

    /** Checks across parameters; throws {@link UsageException} naming them. */
    @FunctionalInterface
    public interface Rules {
        void check(ParameterValues values);
    }

    public JobDescriptor(String name, String summary, String simulator, List<ParameterSpec> parameters,
                         List<String> configuration) {
        this(name, summary, simulator, parameters, configuration, values -> { });
    }

    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The given parameters checked against their specifications, with defaults filled in. Needs no Spring:
     * the command line calls it before anything starts.
     *
     * @throws UsageException one line naming the parameter, the value and the allowed values
     */
    public ParameterValues validate(Map<String, String> given) {
        for (String parameter : given.keySet()) {
            if (parameter(parameter).isEmpty()) {
                throw new UsageException(name + " has no parameter '" + parameter + "'; its parameters are "
                        + parameters.stream().map(ParameterSpec::name).toList() + " (see --help --job=" + name + ")");
            }
        }
        Map<String, String> all = new LinkedHashMap<>();
        for (ParameterSpec p : parameters) {
            String value = given.getOrDefault(p.name(), p.defaultValue());
            if (value == null || (p.required() && value.isBlank())) {
                throw new UsageException(name + " needs " + p.name() + "=<value>, " + p.type().allowed() + ": "
                        + p.description());
            }
            p.check(name, value);
            all.put(p.name(), value);
        }
        ParameterValues values = new ParameterValues(all);
        rules.check(values);
        return values;
    }

    /** The given parameters with defaults filled in, validated. */
    public Map<String, String> withDefaults(Map<String, String> given) {
        return validate(given).asMap();
    }

    /** This job's parameters of an execution the launcher started (other job parameters, such as scope and run, left out). */
    public ParameterValues values(JobParameters jobParameters) {
        Map<String, String> own = new LinkedHashMap<>();
        for (ParameterSpec p : parameters) {
            String value = JobParameterValues.string(jobParameters, p.name());
            if (value != null) {
                own.put(p.name(), value);
            }
        }
        return validate(own);
    }
}
