package com.pagingetl.launch;

import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.Job;

import com.pagingetl.output.RunLayout;

/**
 * A job as the launcher runs it: its Spring Batch {@link Job}, its descriptor, and the validation of
 * its configuration and parameters that happens before anything starts.
 */
public interface EtlJob {

    JobDescriptor descriptor();

    Job job();

    /** Where the job's files go; the launcher removes an abandoned run's work directory there. */
    RunLayout layout();

    /**
     * Checks the job's configuration (base URL, credentials, limits) and the given parameters, which
     * already carry their defaults.
     *
     * @throws UsageException naming the property or parameter that is wrong
     */
    void validate(Map<String, String> parameters);

    /** A short label for file names from the scope parameters ("1001", "Country-snapshot"); may be empty. */
    default String label(Map<String, String> parameters) {
        return String.join("-", descriptor().parameters().stream().filter(ParameterSpec::scope)
                .map(p -> parameters.getOrDefault(p.name(), "")).filter(v -> !v.isBlank()).toList());
    }

    /** Configured secret values, removed from every message the launcher prints. */
    default List<String> secrets() {
        return List.of();
    }
}
