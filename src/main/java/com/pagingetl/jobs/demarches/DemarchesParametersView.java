package com.pagingetl.jobs.demarches;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;

import com.pagingetl.launch.JobParameterValues;

/** The job's own parameters (as the launcher passed them, as strings) of a running execution. */
final class DemarchesParametersView {

    private DemarchesParametersView() {
    }

    static Map<String, String> of(JobExecution execution) {
        return of(execution.getJobParameters());
    }

    static Map<String, String> of(JobParameters parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : new String[] {"demarche", "updatedSince", "first", "fullResync"}) {
            String value = JobParameterValues.string(parameters, name);
            if (value != null) {
                values.put(name, value);
            }
        }
        return values;
    }
}
