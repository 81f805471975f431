package com.pagingetl.jobs.systax;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.Job;

import com.pagingetl.launch.AbstractEtlJob;
import com.pagingetl.launch.JobDescriptor;
import com.pagingetl.launch.ParameterSpec;
import com.pagingetl.launch.ParameterType;
import com.pagingetl.output.RunLayout;

/** systaxRules as the launcher sees it: descriptor, parameter and configuration checks, secrets to redact. */
public final class SystaxRulesJob extends AbstractEtlJob {

    public static final String NAME = "systaxRules";

    public static final JobDescriptor DESCRIPTOR = new JobDescriptor(NAME,
            "Systax tax rules new or changed since the previous process's first update pointer (ponteiro_atualizacao),"
                    + " paged by (id_cenario, codigo_produto)",
            "systax",
            List.of(
                    ParameterSpec.option("paginacao", ParameterType.integer(2, SystaxRulesParameters.MAX_PAGINACAO), "100",
                            "rules per request, 2 to 100 (the API returns at most 100; 1 could never advance)"),
                    ParameterSpec.option("fullLoad", ParameterType.bool(), "false",
                            "true: send an empty pointer and read every rule")),
            List.of("SYSTAX_BASE_URL / etl.jobs.systax-rules.base-url   API origin, may end with a path prefix (required)",
                    "SYSTAX_USERNAME / etl.jobs.systax-rules.username   login user (required)",
                    "SYSTAX_PASSWORD / etl.jobs.systax-rules.password   login password (secret, required)",
                    "SYSTAX_LOGIN_PATH / etl.jobs.systax-rules.login-path   token endpoint [/auth/login]",
                    "SYSTAX_RULES_PATH / etl.jobs.systax-rules.rules-path   rules endpoint [/api/v1/regras]",
                    "etl.jobs.systax-rules.chunk-size [2000], .first-id-cenario [1], .first-codigo-produto [1]"));

    private final SystaxRulesProperties properties;

    SystaxRulesJob(Job job, SystaxRulesProperties properties, RunLayout layout) {
        super(DESCRIPTOR, job, layout);
        this.properties = properties;
    }

    @Override
    public void validate(Map<String, String> parameters) {
        SystaxRulesParameters.of(parameters);
        properties.validate();
    }

    @Override
    public List<String> secrets() {
        return Arrays.asList(properties.password());
    }
}
