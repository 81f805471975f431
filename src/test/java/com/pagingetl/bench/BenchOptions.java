package com.pagingetl.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code ./run.sh bench}, parsed. Immutable.
 *
 * @param size            data-set size given to the simulator ({@code sim.size}); 0 keeps the simulator's default
 * @param latencyMs       delay the simulator adds to every API answer
 * @param concurrencies   each is benchmarked in turn; jobs that read one page at a time use 1
 * @param repeat          runs of each variant per concurrency, interleaved job, reference, job, reference...
 * @param simHeap         JVM options of the simulator, e.g. {@code -Xmx2g}
 * @param jobHeap         JVM options of the job and of the reference client (the same for both)
 * @param jobParameters   {@code name=value} job parameters, given to the job and to the reference
 * @param jobProperties   {@code --name=value} Spring properties, given to the job only
 * @param simulatorExtras {@code sim.name=value} further simulator options
 * @param timeoutSeconds  a run that takes longer fails the benchmark
 * @param plainJar        start the job with {@code java -jar target/etl.jar} rather than through {@code run.sh}
 * @param jobJar          start the job with {@code java -jar} on this jar, or with this {@code run.sh} of another
 *                        checkout (its fast-start copy and JVM defaults, as users run it): another build, for a before/after
 *                        comparison on the same simulator), or null
 * @param workers         rapidContent with remote partitioning on this many worker JVMs, each in turn (empty: a
 *                        local run against the reference), see {@link WorkersBench}
 * @param jdbc            the PostgreSQL job repository of a workers benchmark ({@code --jdbc-url}, user,
 *                        password), or null for an embedded one
 */
record BenchOptions(BenchJob job, int size, int latencyMs, List<Integer> concurrencies, int repeat, List<String> simHeap,
                    List<String> jobHeap, Map<String, String> jobParameters, List<String> jobProperties,
                    Map<String, String> simulatorExtras, long timeoutSeconds, boolean plainJar, String jobJar,
                    List<Integer> workers, List<String> jdbc) {

    static final String HELP = """
            ./run.sh bench [job] [options] [name=value ...] [--<property>=value ...] [sim.<option>=value ...]

            Benchmarks a job against a reference client written in this project (JDK HttpClient, same paging plan
            and concurrency, records cut as bytes and gzipped, no checkpoints) on the job's simulator, started
            standalone in its own JVM. After one unmeasured reference run that warms the simulator up, runs job
            and reference interleaved, --repeat times each per concurrency,
            checks that every run published the same record set, prints a table and writes
            target/bench/<job>-<UTC timestamp>.json.

            job                   rapidContent (default), demarchesDossiers, systaxRules or tdgVersions
            --size N              simulator data-set size (sim.size); default: the simulator's own
                                  (rapid 50,000 properties, demarches 20,000 dossiers, systax 100,000 rules,
                                  tdg 50,000 accounts)
            --latency-ms N        delay the simulator adds to every API answer [0]
            --concurrency N[,M]   concurrency of job and reference; a list runs each [4]; rapidContent only:
                                  the other jobs read one page at a time (1)
            --repeat N            runs of each variant per concurrency [3]
            --sim-heap OPTS       JVM options of the simulator [-Xmx2g]
            --job-heap OPTS       JVM options of the job and of the reference client, e.g. -Xmx256m [none]
            --timeout-s N         a single run longer than this fails the benchmark [3600]
            --plain-jar           start the job with java -jar target/etl.jar instead of ./run.sh (which uses
                                  the fast-start copy, its class-data archive and its JVM options)
            --job-jar PATH        start the job with java -jar PATH, or with PATH if it is another checkout's
                                  run.sh (built, with its fast-start copy): another build of the job, measured on
                                  the same simulator and against the same reference (a before/after comparison)
            --workers N[,M]       rapidContent only: runs with etl.partitioning=remote on N worker JVMs
                                  (java -jar target/etl.jar --worker, --concurrency partitions each), each count
                                  in turn, on a fresh PostgreSQL database per run; no reference client
            --jdbc-url URL        with --workers: the PostgreSQL server to use (a database is created per run,
                                  so the user needs CREATEDB); default an embedded PostgreSQL
            --jdbc-user U, --jdbc-password P   its credentials [postgres, empty]
            name=value            job parameters, e.g. countries=US,FR (also read by the reference client)
            --<property>=value    Spring properties for the job only, e.g. --etl.jobs.rapid-content.chunk-size=1000
            sim.<option>=value    further simulator options, e.g. sim.pageSize=500
            --help                this text
            """;

    static BenchOptions parse(String... args) {
        BenchJob job = BenchJob.RAPID;
        int size = 0;
        int latency = 0;
        List<Integer> concurrencies = null;
        int repeat = 3;
        List<String> simHeap = List.of("-Xmx2g");
        List<String> jobHeap = List.of();
        long timeout = 3600;
        boolean plainJar = false;
        String jobJar = null;
        List<Integer> workers = List.of();
        String jdbcUrl = null;
        String jdbcUser = "postgres";
        String jdbcPassword = "";
        Map<String, String> params = new LinkedHashMap<>();
        List<String> properties = new ArrayList<>();
        Map<String, String> sim = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            if (a.startsWith("--") && a.contains("=")) {
                name = a.substring(0, a.indexOf('='));
                value = a.substring(a.indexOf('=') + 1);
            }
            switch (name) {
                case "--size" -> size = number(name, value != null ? value : next(args, ++i, name), 0);
                case "--latency-ms" -> latency = number(name, value != null ? value : next(args, ++i, name), 0);
                case "--repeat" -> repeat = number(name, value != null ? value : next(args, ++i, name), 1);
                case "--timeout-s" -> timeout = number(name, value != null ? value : next(args, ++i, name), 1);
                case "--concurrency" -> concurrencies = Arrays.stream((value != null ? value : next(args, ++i, name)).split(","))
                        .map(String::trim).map(c -> number("--concurrency", c, 1)).toList();
                case "--sim-heap" -> simHeap = words(value != null ? value : next(args, ++i, name));
                case "--job-heap" -> jobHeap = words(value != null ? value : next(args, ++i, name));
                case "--plain-jar" -> plainJar = true;
                case "--job-jar" -> jobJar = value != null ? value : next(args, ++i, name);
                case "--workers" -> workers = Arrays.stream((value != null ? value : next(args, ++i, name)).split(","))
                        .map(String::trim).map(w -> number("--workers", w, 1)).toList();
                case "--jdbc-url" -> jdbcUrl = value != null ? value : next(args, ++i, name);
                case "--jdbc-user" -> jdbcUser = value != null ? value : next(args, ++i, name);
                case "--jdbc-password" -> jdbcPassword = value != null ? value : next(args, ++i, name);
                default -> {
                    if (a.startsWith("--")) {
                        if (value == null) {
                            throw new IllegalArgumentException("unknown option " + a + " (see --help)");
                        }
                        properties.add(a);
                    } else if (a.startsWith("sim.") && a.contains("=")) {
                        sim.put(a.substring(4, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                    } else if (a.contains("=")) {
                        params.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                    } else if (i == 0) {
                        job = BenchJob.of(a);
                    } else {
                        throw new IllegalArgumentException("unexpected argument '" + a + "' (see --help)");
                    }
                }
            }
        }
        if (params.containsKey("concurrency")) {
            throw new IllegalArgumentException("give the concurrency as --concurrency, which the reference client uses too");
        }
        if (!job.concurrent && concurrencies != null && !concurrencies.equals(List.of(1))) {
            throw new IllegalArgumentException(job.jobName + " reads one page at a time: --concurrency applies to"
                    + " rapidContent only");
        }
        if (concurrencies == null) {
            concurrencies = List.of(job.concurrent ? 4 : 1);
        }
        if (!workers.isEmpty() && (job != BenchJob.RAPID || concurrencies.size() != 1)) {
            throw new IllegalArgumentException("--workers runs rapidContent, the job with partitions, at one --concurrency");
        }
        return new BenchOptions(job, size, latency, concurrencies, repeat, simHeap, jobHeap, params, properties, sim, timeout,
                plainJar, jobJar, workers, jdbcUrl == null ? null : List.of(jdbcUrl, jdbcUser, jdbcPassword));
    }

    /** Every simulator option: the job's bench defaults, size, latency, then the user's. */
    Map<String, String> simulatorOptions() {
        Map<String, String> options = new LinkedHashMap<>(job.simulatorOptions);
        if (size > 0) {
            options.put("size", Integer.toString(size));
        }
        options.put("latencyMs", Integer.toString(latencyMs));
        options.putAll(simulatorExtras);
        return options;
    }

    private static String next(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int number(String name, String value, int min) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + value + " must be a whole number >= " + min);
        }
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
