package com.pagingetl.launch;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Decides which run a command means. A run is one job instance identified by exactly two parameters:
 * {@code scope} (what is extracted: the scope parameters, and whether it targets a simulator) and
 * {@code run} (1, 2, 3, ... within the scope). Every other parameter is non-identifying, so the same
 * command after a failure finds the same instance, and the next run after a success gets the next number.
 */
final class RunIdentity {

    static final String SCOPE = "scope";
    static final String RUN = "run";
    /** The start of the scope of a run against an embedded simulator, which lives only as long as its process. */
    static final String SIMULATED = "simulated;";

    private RunIdentity() {
    }

    static String scopeKey(JobDescriptor descriptor, Map<String, String> parameters, boolean simulate) {
        Map<String, String> scoped = new TreeMap<>();
        descriptor.parameters().stream().filter(ParameterSpec::scope)
                .forEach(p -> scoped.put(p.name(), parameters.getOrDefault(p.name(), "")));
        // Values are kept verbatim: stripping spaces or commas made distinct scopes share one run and watermark.
        String key = scoped.isEmpty() ? "default" : String.join(";", scoped.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (key.length() > 80) {
            // Long lists (all country codes) would make an unreadable key; a digest keeps it unique.
            key = key.substring(0, 40) + "...#" + sha256Prefix(key);
        }
        return (simulate ? SIMULATED : "") + key;
    }

    private static String sha256Prefix(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JobParameters identifying(String scope, long run) {
        return new JobParametersBuilder().addString(SCOPE, scope).addLong(RUN, run).toJobParameters();
    }

    /** The highest run number of the scope, 0 if none. Runs are numbered 1..N without gaps. */
    static long latestRun(JobRepository repository, String job, String scope) {
        long high = 1;
        while (exists(repository, job, scope, high)) {
            high *= 2;
        }
        long low = high / 2;
        // Invariant: run 'low' exists (or low == 0), run 'high' does not.
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (exists(repository, job, scope, mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    static JobInstance instance(JobRepository repository, String job, String scope, long run) {
        return repository.getJobInstance(job, identifying(scope, run));
    }

    private static boolean exists(JobRepository repository, String job, String scope, long run) {
        return instance(repository, job, scope, run) != null;
    }
}
