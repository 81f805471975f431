package com.pagingetl.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.pagingetl.jobs.demarches.DemarchesDossiersJob;
import com.pagingetl.jobs.rapid.RapidContentJob;
import com.pagingetl.jobs.systax.SystaxRulesJob;
import com.pagingetl.jobs.tdg.TdgVersionsJob;
import com.pagingetl.launch.JobDescriptor;
import com.pagingetl.simulator.demarches.DemarchesSimulator;
import com.pagingetl.simulator.rapid.RapidOptions;
import com.pagingetl.simulator.tdg.TdgSimulator;

/**
 * The four jobs as the benchmark sees them: which simulator serves them, the environment variables a user
 * sets to point the job at an API (base URL and the simulators' demo credentials), the parameters a run
 * needs, and whether the job reads in parallel. ({@link ReferenceMain} picks the reference client by job name,
 * so that a reference JVM loads none of the classes named here.)
 */
public enum BenchJob {

    RAPID("rapidContent", "rapid", RapidContentJob.DESCRIPTOR, true, "RAPID_BASE_URL", Map.of(), Map.of()) {
        @Override
        Map<String, String> credentials() {
            return Map.of("RAPID_API_KEY", RapidOptions.DEFAULT_API_KEY, "RAPID_SHARED_SECRET", RapidOptions.DEFAULT_SHARED_SECRET);
        }
    },
    DEMARCHES("demarchesDossiers", "demarches", DemarchesDossiersJob.DESCRIPTOR, false, "DEMARCHES_BASE_URL",
            Map.of("demarche", "1001"),
            // The API's 400 requests a minute per token would make every run after the first wait for the window.
            Map.of("rateLimitPerMinute", "0")) {
        @Override
        Map<String, String> credentials() {
            return Map.of("DEMARCHES_API_TOKEN", DemarchesSimulator.demoToken());
        }
    },
    SYSTAX("systaxRules", "systax", SystaxRulesJob.DESCRIPTOR, false, "SYSTAX_BASE_URL", Map.of(), Map.of()) {
        @Override
        Map<String, String> credentials() {
            return Map.of("SYSTAX_USERNAME", "demo", "SYSTAX_PASSWORD", "demo-systax-password");
        }
    },
    TDG("tdgVersions", "tdg", TdgVersionsJob.DESCRIPTOR, false, "TDG_BASE_URL", Map.of("type", "Account"), Map.of()) {
        @Override
        Map<String, String> credentials() {
            return Map.of("TDG_TOKEN", TdgSimulator.DEFAULT_TOKEN);
        }
    };

    public final String jobName;
    public final String simulator;
    final JobDescriptor descriptor;
    /** Whether the job reads with {@code concurrency} threads; the others read one page at a time. */
    final boolean concurrent;
    final String baseUrlVariable;
    final Map<String, String> defaultParameters;
    final Map<String, String> simulatorOptions;

    BenchJob(String jobName, String simulator, JobDescriptor descriptor, boolean concurrent, String baseUrlVariable,
             Map<String, String> defaultParameters, Map<String, String> simulatorOptions) {
        this.jobName = jobName;
        this.simulator = simulator;
        this.descriptor = descriptor;
        this.concurrent = concurrent;
        this.baseUrlVariable = baseUrlVariable;
        this.defaultParameters = defaultParameters;
        this.simulatorOptions = simulatorOptions;
    }

    /** The demo credentials of the simulator, under the environment variables the job reads. */
    abstract Map<String, String> credentials();

    /** What a user exports to run the job against the API at {@code baseUrl}. */
    public Map<String, String> environment(String baseUrl) {
        Map<String, String> env = new LinkedHashMap<>(credentials());
        env.put(baseUrlVariable, baseUrl);
        return env;
    }

    /** The job's parameters with this benchmark's defaults, then the user's, then the job's own defaults. */
    Map<String, String> effectiveParameters(Map<String, String> given) {
        Map<String, String> params = new LinkedHashMap<>(defaultParameters);
        params.putAll(given);
        return descriptor.withDefaults(params);
    }

    static BenchJob of(String name) {
        for (BenchJob job : values()) {
            if (job.jobName.equalsIgnoreCase(name) || job.simulator.equalsIgnoreCase(name)
                    || job.name().equalsIgnoreCase(name)) {
                return job;
            }
        }
        throw new IllegalArgumentException("unknown job '" + name + "'; jobs are rapidContent, demarchesDossiers, "
                + "systaxRules, tdgVersions");
    }

    @Override
    public String toString() {
        return jobName.toLowerCase(Locale.ROOT);
    }
}
