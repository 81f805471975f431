package com.pagingetl.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.pagingetl.bench.Launcher;
import com.pagingetl.bench.SimulatorProcess;
import com.pagingetl.output.Manifest;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/**
 * Kills one job with {@code kill -9} at seeded moments and checks what the same command published in the end.
 *
 * <p>The job's simulator runs standalone in its own JVM ({@code simulate <api> --port N sim.*=...}) and serves
 * a clean, uninterrupted run first, whose published lines are the reference. Then come cycles, each in a fresh
 * working directory (its own H2 job repository and output): the same command is launched again and again in a
 * child JVM, each launch killed when it reaches the next phase of the cycle's plan (planning, extraction twice,
 * publishing, published), and once the plan is spent it is launched until it exits 0. A launch that ends by
 * itself before its kill ends the cycle when it exits 0. Each cycle must then hold, over every run it published,
 * the reference's lines exactly (compared as sorted multisets per published file kind: nothing lost, nothing
 * doubled), manifests whose record counts equal their files' lines, and no {@code .part} file or {@code .work}
 * directory. A kill that lands after the run completed in the job repository makes the next launch start the
 * next incremental run: its files are part of the cycle's union, so a record it published again counts as doubled.
 *
 * <p>Every moment is drawn from a {@link Random} seeded by the job's seed, which every figure and message names.
 */
final class ChaosHarness {

    /** The plan of one cycle, in the order a run passes through the phases. */
    private static final List<KillPhase> CYCLE = List.of(KillPhase.PLANNING, KillPhase.EXTRACTING, KillPhase.EXTRACTING,
            KillPhase.PUBLISHING, KillPhase.PUBLISHED);
    /** Hang guard of one launch; a healthy one takes seconds. */
    private static final Duration LAUNCH_LIMIT = Duration.ofMinutes(5);
    private static final int MAX_FAILED_LAUNCHES_PER_CYCLE = 3;

    /** What one job went through. {@code problems} holds every check that failed, each naming the seed. */
    record Figures(ChaosJob job, long seed, int kills, Map<KillPhase, Integer> phases, int launches, int cycles,
                   long referenceRecords, long lost, long doubled, Duration wall, List<String> problems) {

        String line() {
            return String.format("%-13s seed %d: %d kills %s, %d launches in %d cycles, %d records each, lost %d,"
                            + " doubled %d, %.0f s", job, seed, kills, phases, launches, cycles, referenceRecords, lost,
                    doubled, wall.toMillis() / 1000.0);
        }
    }

    private final ChaosJob job;
    private final long seed;
    private final int kills;
    private final Path dir;
    private final Random random;

    ChaosHarness(ChaosJob job, long seed, int kills, Path dir) {
        this.job = job;
        this.seed = seed;
        this.kills = kills;
        this.dir = dir;
        this.random = new Random(seed);
    }

    Figures run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (SimulatorProcess simulator = SimulatorProcess.start(Launcher.classpath(), List.of("-Xmx384m"), job.job.simulator,
                job.simulatorOptions, Files.createDirectories(dir).resolve("simulator.log"), Duration.ofMinutes(3))) {
            Map<String, String> env = job.job.environment(simulator.baseUrl());
            EtlRun clean = etl("clean");
            simulator.reset();
            EtlRun.Result cleanRun = clean.runChild(env, job.command());
            if (cleanRun.exitCode() != 0) {
                throw new AssertionError(job + " seed " + seed + ": the clean run failed: " + cleanRun);
            }
            long cleanRequests = simulator.meter().requests();
            Map<String, TreeMap<String, Integer>> reference = publishedLines(clean.output(job.job.jobName));

            Map<KillPhase, Integer> phases = new EnumMap<>(KillPhase.class);
            List<String> problems = new ArrayList<>(check(clean, reference, "the clean run"));
            int killed = 0;
            int launches = 1;
            int cycles = 0;
            long lost = 0;
            long doubled = 0;
            while (killed < kills && cycles < kills) {
                cycles++;
                Cycle cycle = new Cycle(etl("cycle-" + cycles), simulator, env, cleanRequests);
                cycle.run(CYCLE.subList(0, Math.min(CYCLE.size(), kills - killed)));
                killed += cycle.kills;
                launches += cycle.launches;
                cycle.phases.forEach((phase, n) -> phases.merge(phase, n, Integer::sum));
                problems.addAll(cycle.problems);
                if (cycle.completed) {
                    Map<String, TreeMap<String, Integer>> published = publishedLines(cycle.etl.output(job.job.jobName));
                    lost += difference(reference, published);
                    doubled += difference(published, reference);
                    problems.addAll(check(cycle.etl, reference, "cycle " + cycles));
                }
            }
            long records = reference.values().stream().flatMap(m -> m.values().stream()).mapToLong(Integer::longValue).sum();
            return new Figures(job, seed, killed, phases, launches, cycles, records, lost, doubled,
                    Duration.ofNanos(System.nanoTime() - started), problems);
        }
    }

    private EtlRun etl(String name) {
        List<String> spring = new ArrayList<>(job.springArguments);
        return new EtlRun(dir.resolve(name), spring.toArray(String[]::new));
    }

    /** The launches of one working directory: killed by plan, then run until one exits 0. */
    private final class Cycle {
        final EtlRun etl;
        final SimulatorProcess simulator;
        final Map<String, String> env;
        final long cleanRequests;
        final Map<KillPhase, Integer> phases = new EnumMap<>(KillPhase.class);
        final List<String> problems = new ArrayList<>();
        int kills;
        int launches;
        boolean completed;

        Cycle(EtlRun etl, SimulatorProcess simulator, Map<String, String> env, long cleanRequests) {
            this.etl = etl;
            this.simulator = simulator;
            this.env = env;
            this.cleanRequests = cleanRequests;
        }

        void run(List<KillPhase> plan) throws IOException, InterruptedException {
            int failed = 0;
            for (KillPhase target : plan) {
                Outcome outcome = launchAndKill(target);
                if (outcome == Outcome.COMPLETED) {
                    completed = true;
                    return;
                }
                if (outcome == Outcome.FAILED && ++failed > MAX_FAILED_LAUNCHES_PER_CYCLE) {
                    return;
                }
            }
            while (!completed && failed <= MAX_FAILED_LAUNCHES_PER_CYCLE) {
                launches++;
                EtlRun.Result result = etl.runChild(env, job.command());
                if (result.exitCode() == 0) {
                    completed = true;
                } else {
                    failed++;
                    problems.add(where() + "the same command after the kills exited " + result.exitCode() + ": "
                            + result.lastErrorLine());
                }
            }
        }

        private Outcome launchAndKill(KillPhase target) throws IOException, InterruptedException {
            Path jobDir = etl.output(job.job.jobName);
            Set<String> before = names(jobDir);
            Map<Path, Long> partsBefore = partSizes(jobDir.resolve(".work"));
            simulator.reset();
            launches++;
            Process child = etl.start(env, job.command());
            Trigger trigger = trigger(target);
            long deadline = System.nanoTime() + LAUNCH_LIMIT.toNanos();
            while (child.isAlive() && !trigger.reached(jobDir, before)) {
                if (System.nanoTime() > deadline) {
                    EtlRun.kill9(child);
                    throw new AssertionError(where() + "a launch waiting for " + target + " ran longer than "
                            + LAUNCH_LIMIT.toMinutes() + " min; logs under " + etl.home());
                }
                Thread.sleep(1);
            }
            if (trigger.delayMs > 0 && child.isAlive()) {
                Thread.sleep(trigger.delayMs);
            }
            boolean alive = child.isAlive();
            EtlRun.kill9(child);
            if (!child.waitFor(1, TimeUnit.MINUTES)) {
                throw new AssertionError(where() + "a killed launch did not end");
            }
            int exit = child.exitValue();
            if (alive && exit == 137) {
                kills++;
                phases.merge(observed(jobDir, before, partsBefore), 1, Integer::sum);
                return Outcome.KILLED;
            }
            if (exit == 0) {
                return Outcome.COMPLETED;
            }
            problems.add(where() + "a launch aimed at " + target + " exited " + exit + " by itself (logs under "
                    + etl.home() + ")");
            return Outcome.FAILED;
        }

        /** What the run had reached, read once it is dead. */
        private KillPhase observed(Path jobDir, Set<String> before, Map<Path, Long> partsBefore)
                throws IOException, InterruptedException {
            List<String> added = names(jobDir).stream().filter(n -> !before.contains(n)).toList();
            if (added.stream().anyMatch(n -> n.endsWith(".manifest.json"))) {
                return KillPhase.PUBLISHED;
            }
            if (added.stream().anyMatch(n -> n.endsWith(".jsonl.gz") || n.endsWith(".jsonl.gz.part"))) {
                return KillPhase.PUBLISHING;
            }
            Map<Path, Long> parts = partSizes(jobDir.resolve(".work"));
            if (parts.entrySet().stream().anyMatch(p -> p.getValue() > partsBefore.getOrDefault(p.getKey(), 0L))) {
                return KillPhase.EXTRACTING;
            }
            return simulator.meter().requests() > 0 ? KillPhase.PLANNING : KillPhase.STARTUP;
        }

        /** When to kill a launch aimed at {@code target}, drawn from the seeded generator. */
        private Trigger trigger(KillPhase target) {
            return switch (target) {
                case STARTUP, PLANNING -> new Trigger(1 + random.nextInt(job.planningRequests), false, 0, 0);
                case EXTRACTING -> new Trigger(random.nextInt((int) Math.max(1, cleanRequests / 3)), true, 0, random.nextInt(40));
                case PUBLISHING -> new Trigger(Long.MAX_VALUE, false, 1, 0);
                case PUBLISHED -> new Trigger(Long.MAX_VALUE, false, 2, 0);
            };
        }

        /**
         * Reached once the simulator has served {@code requests} API requests since the launch (counted from the
         * first part file written by the launch when {@code afterPart}), or once the run has added a publishing
         * file to the job directory ({@code publishLevel} 1: assembled or final data file; any level: manifest);
         * the kill then follows after {@code delayMs}.
         */
        private final class Trigger {
            final long requests;
            final boolean afterPart;
            final int publishLevel;
            final int delayMs;
            final long launchedAt = System.currentTimeMillis();
            long partSeenAtRequests = -1;

            Trigger(long requests, boolean afterPart, int publishLevel, int delayMs) {
                this.requests = requests;
                this.afterPart = afterPart;
                this.publishLevel = publishLevel;
                this.delayMs = delayMs;
            }

            boolean reached(Path jobDir, Set<String> before) throws IOException, InterruptedException {
                List<String> added = names(jobDir).stream().filter(n -> !before.contains(n)).toList();
                boolean manifest = added.stream().anyMatch(n -> n.endsWith(".manifest.json"));
                boolean data = manifest || added.stream().anyMatch(n -> n.endsWith(".jsonl.gz") || n.endsWith(".jsonl.gz.part"));
                if (manifest || (data && publishLevel == 1) || (data && afterPart)) {
                    return true;
                }
                if (requests == Long.MAX_VALUE) {
                    return false;
                }
                if (afterPart && partSeenAtRequests < 0) {
                    if (!writtenSince(jobDir.resolve(".work"), launchedAt)) {
                        return false;
                    }
                    partSeenAtRequests = simulator.meter().requests();
                }
                return simulator.meter().requests() >= Math.max(0, partSeenAtRequests) + requests;
            }
        }

        private String where() {
            return job + " seed " + seed + ", " + etl.home().getFileName() + ": ";
        }
    }

    private enum Outcome { KILLED, COMPLETED, FAILED }

    /** No work left behind, and every manifest's counts equal to its files' lines. */
    private List<String> check(EtlRun etl, Map<String, TreeMap<String, Integer>> reference, String what) {
        List<String> problems = new ArrayList<>();
        String prefix = job + " seed " + seed + ", " + what + ": ";
        Path jobDir = etl.output(job.job.jobName);
        if (!PublishedOutput.leftovers(jobDir).isEmpty() || Files.exists(jobDir.resolve(".work"))) {
            problems.add(prefix + "work left behind: " + PublishedOutput.leftovers(jobDir));
        }
        List<Path> manifests = PublishedOutput.files(jobDir, ".manifest.json");
        if (manifests.isEmpty()) {
            problems.add(prefix + "no manifest published");
        }
        for (Path path : manifests) {
            for (Manifest.FileEntry file : PublishedOutput.manifest(path).files()) {
                Path data = jobDir.resolve(file.name());
                long lines = Files.exists(data) ? PublishedOutput.lines(data).size() : -1;
                if (lines != file.records()) {
                    problems.add(prefix + path.getFileName() + " counts " + file.records() + " records in " + file.name()
                            + ", which holds " + lines + " lines");
                }
            }
        }
        if (!reference.keySet().containsAll(publishedLines(jobDir).keySet())) {
            problems.add(prefix + "published kinds " + publishedLines(jobDir).keySet() + ", the clean run " + reference.keySet());
        }
        return problems;
    }

    /**
     * Every line of every published data file, counted, by file kind: what follows the UTC start in its name
     * ({@code ""}, {@code "-inactive"}, {@code "-deleted"}), so that runs started at different times compare.
     */
    static Map<String, TreeMap<String, Integer>> publishedLines(Path jobDir) {
        Map<String, TreeMap<String, Integer>> lines = new TreeMap<>();
        for (Path file : PublishedOutput.files(jobDir, ".jsonl.gz")) {
            String kind = file.getFileName().toString().replaceFirst("^.*-\\d{8}T\\d{6}Z", "").replace(".jsonl.gz", "");
            TreeMap<String, Integer> counts = lines.computeIfAbsent(kind, k -> new TreeMap<>());
            PublishedOutput.lines(file).forEach(line -> counts.merge(line, 1, Integer::sum));
        }
        return lines;
    }

    /** How many lines {@code a} holds beyond {@code b}'s (a multiset difference), over every kind. */
    static long difference(Map<String, TreeMap<String, Integer>> a, Map<String, TreeMap<String, Integer>> b) {
        long extra = 0;
        for (Map.Entry<String, TreeMap<String, Integer>> kind : a.entrySet()) {
            Map<String, Integer> other = b.getOrDefault(kind.getKey(), new TreeMap<>());
            for (Map.Entry<String, Integer> line : kind.getValue().entrySet()) {
                extra += Math.max(0, line.getValue() - other.getOrDefault(line.getKey(), 0));
            }
        }
        return extra;
    }

    private static Set<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> names = new HashSet<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        } catch (java.nio.file.NoSuchFileException gone) {
            return Set.of();
        }
    }

    /** The size of every file under {@code dir}. */
    private static Map<Path, Long> partSizes(Path dir) throws IOException {
        Map<Path, Long> sizes = new java.util.HashMap<>();
        if (!Files.isDirectory(dir)) {
            return sizes;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                try {
                    sizes.put(p, Files.size(p));
                } catch (IOException gone) {
                    // removed while listed: the run moved on
                }
            });
        } catch (UncheckedIOException | java.nio.file.NoSuchFileException gone) {
            // the work directory was removed while listed: publish finished
        }
        return sizes;
    }

    private static boolean writtenSince(Path dir, long epochMs) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).anyMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() >= epochMs;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException | java.nio.file.NoSuchFileException gone) {
            return false;
        }
    }
}
