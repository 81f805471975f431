package com.pagingetl.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.pagingetl.launch.HttpSelectorRelease;

/**
 * Entry point of a reference run in its own JVM, so that it is measured exactly like the job:
 * {@code ReferenceMain <job> <outDir> <concurrency> [name=value ...]}, with the base URL and credentials in the
 * same environment variables the job reads. Prints {@code records <n>}; exits 1 with one line on stderr on
 * any failure. Loads nothing of the jobs, Spring or Jackson: the reference's start-up is the JDK's.
 */
public final class ReferenceMain {

    private ReferenceMain() {
    }

    public static void main(String[] args) {
        try {
            String job = args[0];
            ReferenceClient client = switch (job) {
                case "rapidContent" -> new RapidReference();
                case "demarchesDossiers" -> new DemarchesReference();
                case "systaxRules" -> new SystaxReference();
                case "tdgVersions" -> new TdgReference();
                default -> throw new IllegalArgumentException("no reference client for " + job);
            };
            String baseUrlVariable = switch (job) {
                case "rapidContent" -> "RAPID_BASE_URL";
                case "demarchesDossiers" -> "DEMARCHES_BASE_URL";
                case "systaxRules" -> "SYSTAX_BASE_URL";
                default -> "TDG_BASE_URL";
            };
            Path out = Path.of(args[1]);
            Files.createDirectories(out);
            int concurrency = Integer.parseInt(args[2]);
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 3; i < args.length; i++) {
                int eq = args[i].indexOf('=');
                params.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
            Map<String, String> env = System.getenv();
            String base = env.get(baseUrlVariable);
            if (base == null) {
                throw new IllegalArgumentException(baseUrlVariable + " is not set");
            }
            long records = client.extract(new ReferenceClient.Context(URI.create(base), env, concurrency, params,
                    out, ReferenceClient.Context.newHttpClient()));
            System.out.println("records " + records);
            // The job's exit ends its HTTP clients' selector threads (else HotSpot holds the exit 300 ms for
            // them); the yardstick gets the same, so that the comparison is of the paging and not of that.
            HttpSelectorRelease.release();
            System.exit(0);
        } catch (Exception e) {
            System.err.println("reference client failed: " + e);
            System.exit(1);
        }
    }
}
