package com.pagingetl.launch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

/** Reads back the job parameters the launcher passed, as the strings they were on the command line. */
public final class JobParameterValues {

    private JobParameterValues() {
    }

    /** The parameter's value as text, or null when the execution has no such parameter. */
    public static String string(JobParameters parameters, String name) {
        JobParameter<?> p = parameters.getParameter(name);
        return p == null || p.value() == null ? null : String.valueOf(p.value());
    }

    /** Every parameter by name, as text. */
    public static Map<String, String> asMap(JobParameters parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JobParameter<?> p : parameters) {
            values.put(p.name(), String.valueOf(p.value()));
        }
        return values;
    }
}
