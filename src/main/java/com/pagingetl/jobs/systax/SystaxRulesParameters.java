package com.pagingetl.jobs.systax;

import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;

import com.pagingetl.launch.JobParameterValues;
import com.pagingetl.launch.UsageException;

/**
 * The systaxRules job parameters, parsed and validated; a bad value is a usage error (exit 2) naming it.
 *
 * @param paginacao rules per request: at most 100 (the API's limit), at least 2 (each page repeats the
 *                  previous page's last rule, so a page of 1 could never advance)
 * @param fullLoad  send an empty pointer (every rule) instead of the saved one
 */
record SystaxRulesParameters(int paginacao, boolean fullLoad) {

    static final int MAX_PAGINACAO = 100;

    static SystaxRulesParameters of(Map<String, String> p) {
        String raw = p.getOrDefault("paginacao", "100");
        int paginacao;
        try {
            paginacao = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            paginacao = -1;
        }
        if (paginacao < 2 || paginacao > MAX_PAGINACAO) {
            throw new UsageException("systaxRules: paginacao=" + raw + " must be a whole number from 2 to " + MAX_PAGINACAO
                    + " (the API returns at most 100 rules per request)");
        }
        String full = p.getOrDefault("fullLoad", "false").trim();
        if (!full.equals("true") && !full.equals("false")) {
            throw new UsageException("systaxRules: fullLoad=" + full + " must be true or false");
        }
        return new SystaxRulesParameters(paginacao, Boolean.parseBoolean(full));
    }

    static SystaxRulesParameters of(JobParameters jobParameters) {
        return of(JobParameterValues.asMap(jobParameters));
    }
}
