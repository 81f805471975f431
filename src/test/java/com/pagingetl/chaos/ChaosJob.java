package com.pagingetl.chaos;

import java.util.List;
import java.util.Map;

import com.pagingetl.bench.BenchJob;

/**
 * The jobs and modes the chaos harness kills, each on a small data set of its simulator with a little
 * latency per request (so that a run lasts a few seconds and a kill can land in each phase), and a chunk size
 * that does not divide the page size: commits then fall inside pages (a kill after a commit is mid-page) and
 * chunks span page boundaries (a kill between commits is mid-chunk).
 */
enum ChaosJob {

    /** Three country partitions, one of them empty, read two at a time; pages of 50, commits of 35. */
    RAPID(BenchJob.RAPID, 3, Map.of("size", "6000", "pageSize", "50", "seed", "7", "latencyMs", "15"),
            List.of("countries=FR,GB,AQ", "concurrency=2"), List.of("--etl.jobs.rapid-content.chunk-size=35")),
    /** Relay cursors: pages of 100 dossiers, deletions in their own connection; commits of 35. */
    DEMARCHES(BenchJob.DEMARCHES, 1, Map.of("size", "800", "rateLimitPerMinute", "0", "latencyMs", "15"),
            List.of("demarche=1001"), List.of("--etl.jobs.demarches-dossiers.chunk-size=35")),
    /** Keyset pages of 100 rules; commits of 70. */
    SYSTAX(BenchJob.SYSTAX, 1, Map.of("size", "3000", "scenarios", "4", "latencyMs", "15"),
            List.of(), List.of("--etl.jobs.systax-rules.chunk-size=70")),
    /** TDG cursors as of one pinned version, pages of 50, commits of 70. */
    TDG_SNAPSHOT(BenchJob.TDG, 2, Map.of("size", "1500", "latencyMs", "15"), List.of("type=Account"),
            List.of("--etl.jobs.tdg-versions.page-size=50", "--etl.jobs.tdg-versions.chunk-size=70")),
    /** Every stored version of each object; run only when asked ({@code -Dchaos.jobs=all}, the chaos profile). */
    TDG_HISTORY(BenchJob.TDG, 2, Map.of("size", "600", "latencyMs", "15"), List.of("type=Account", "mode=history"),
            List.of("--etl.jobs.tdg-versions.page-size=50", "--etl.jobs.tdg-versions.chunk-size=70"));

    /** The jobs {@code -Dchaos.jobs} names (comma-separated, or {@code all}); by default all but {@link #TDG_HISTORY}. */
    boolean selected() {
        String names = System.getProperty("chaos.jobs", "");
        if (names.isBlank()) {
            return this != TDG_HISTORY;
        }
        return names.equalsIgnoreCase("all") || java.util.Arrays.stream(names.split(",")).map(String::strip)
                .anyMatch(name()::equalsIgnoreCase);
    }

    final BenchJob job;
    /**
     * Requests a run sends before its first records come back: Rapid's size probes of the countries, TDG's two
     * admin queries (schema, current version), Systax's login, démarches' first page.
     */
    final int planningRequests;
    final Map<String, String> simulatorOptions;
    final List<String> parameters;
    final List<String> springArguments;

    ChaosJob(BenchJob job, int planningRequests, Map<String, String> simulatorOptions, List<String> parameters,
             List<String> springArguments) {
        this.job = job;
        this.planningRequests = planningRequests;
        this.simulatorOptions = simulatorOptions;
        this.parameters = parameters;
        this.springArguments = springArguments;
    }

    /** The command, the same on every launch: {@code --job=<name>} and the job parameters. */
    String[] command() {
        List<String> args = new java.util.ArrayList<>();
        args.add("--job=" + job.jobName);
        args.addAll(parameters);
        return args.toArray(String[]::new);
    }
}
