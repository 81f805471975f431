package com.pagingetl.jobs.systax;

import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;

import com.pagingetl.launch.ParameterValues;

/**
 * The systaxRules job parameters as the job reads them; {@link SystaxRulesJob#DESCRIPTOR} declares and checks
 * them, so a bad value is a usage error (exit 2) naming it before anything starts.
 *
 * @param paginacao rules per request: at most 100 (the API's limit), at least 2 (each page repeats the
 *                  previous page's last rule, so a page of 1 could never advance)
 * @param fullLoad  send an empty pointer (every rule) instead of the saved one
 */
record SystaxRulesParameters(int paginacao, boolean fullLoad) {

    static final int MAX_PAGINACAO = 100;

    static SystaxRulesParameters of(Map<String, String> parameters) {
        return of(SystaxRulesJob.DESCRIPTOR.validate(parameters));
    }

    static SystaxRulesParameters of(JobParameters jobParameters) {
        return of(SystaxRulesJob.DESCRIPTOR.values(jobParameters));
    }

    private static SystaxRulesParameters of(ParameterValues v) {
        return new SystaxRulesParameters(v.integer("paginacao"), v.bool("fullLoad"));
    }
}
