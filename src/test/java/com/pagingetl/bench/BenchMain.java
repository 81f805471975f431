package com.pagingetl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./run.sh bench}: starts the job's simulator in its own JVM, runs the job (as a user runs it, with a
 * fresh job repository and output directory each time) and the reference client interleaved, measures each
 * run, checks that all of them published the same record set, and reports. See {@link BenchOptions#HELP}.
 */
public final class BenchMain {

    /**
     * Environment variables that would point the job at another repository or output than its fresh run
     * directory, or add JVM options that only one variant would get.
     */
    static final List<String> UNSET = List.of("ETL_DATASOURCE_URL", "ETL_DATASOURCE_USERNAME",
            "ETL_DATASOURCE_PASSWORD", "ETL_OUTPUT_DIR", "ETL_LOG_FILE", "JAVA_TOOL_OPTIONS");

    private final BenchOptions options;
    private final Launcher launcher;
    private final Path benchDir;

    BenchMain(BenchOptions options, Launcher launcher, Path benchDir) {
        this.options = options;
        this.launcher = launcher;
        this.benchDir = benchDir;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.HELP);
            return;
        }
        // On Ctrl-C, stop the simulator and the run in progress rather than leave them behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy)));
        try {
            BenchOptions options = BenchOptions.parse(args);
            Path jar = Path.of("target", "etl.jar");
            Launcher launcher = options.jobJar() != null ? (options.jobJar().endsWith(".sh")
                    ? Launcher.script(Path.of(options.jobJar()), jar) : Launcher.otherJob(Path.of(options.jobJar()), jar))
                    : options.plainJar() ? Launcher.jar(jar) : Launcher.script(Path.of("run.sh"), jar);
            Path report = options.workers().isEmpty() ? new BenchMain(options, launcher, Path.of("target", "bench")).run()
                    : new WorkersBench(options, Launcher.jar(jar), Path.of("target", "bench")).run();
            System.out.println("report: " + report);
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("bench failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the benchmark; returns the JSON report. Throws when a run fails or the record sets differ. */
    Path run() throws IOException, InterruptedException {
        String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        Path work = Files.createDirectories(benchDir.resolve("work").resolve(options.job().jobName + "-" + timestamp))
                .toAbsolutePath();
        Duration timeout = Duration.ofSeconds(options.timeoutSeconds());
        List<Sample> samples = new ArrayList<>();
        RecordSet expected = null;
        String expectedFrom = null;
        log("starting the " + options.job().simulator + " simulator " + options.simulatorOptions() + " ...");
        try (SimulatorProcess simulator = SimulatorProcess.start(launcher, options.simHeap(), options.job().simulator,
                options.simulatorOptions(), work.resolve("simulator.log"), timeout)) {
            Map<String, String> env = options.job().environment(simulator.baseUrl());
            warmUp(work, env, timeout);
            for (int concurrency : options.concurrencies()) {
                for (int i = 1; i <= options.repeat(); i++) {
                    for (String variant : List.of(BenchReport.JOB, BenchReport.REFERENCE)) {
                        Path dir = Files.createDirectories(work.resolve("c" + concurrency + "-" + i + "-" + variant));
                        simulator.reset();
                        double simulatorCpuBefore = simulator.cpuSeconds();
                        MeasuredProcess.Result result = MeasuredProcess.run(command(variant, concurrency, dir), dir, env,
                                UNSET, dir.resolve("console.log"), timeout);
                        double simulatorCpu = simulator.cpuSeconds() - simulatorCpuBefore;
                        SimulatorProcess.Meter meter = simulator.meter();
                        String what = variant + " run " + i + " at concurrency " + concurrency;
                        if (result.exitCode() != 0) {
                            throw new IOException(what + " exited with " + result.exitCode() + " (files kept in " + dir
                                    + "); its last lines:\n" + result.logTail(15));
                        }
                        RecordSet records = RecordSet.of(dir.resolve("output"));
                        if (records.records() == 0) {
                            throw new IOException(what + " published no records (files kept in " + dir + ")");
                        }
                        if (expected == null) {
                            expected = records;
                            expectedFrom = what;
                        } else if (!expected.sameRecords(records)) {
                            throw new IOException("record sets differ: " + expectedFrom + " against " + what + ": "
                                    + expected.differenceFrom(records) + " (files kept in " + work + ")");
                        }
                        double firstRequest = meter.firstRequestEpochMs() == 0 ? Double.NaN
                                : (meter.firstRequestEpochMs() - result.startEpochMs()) / 1000.0;
                        RunTimeline timeline = variant.equals(BenchReport.JOB) ? timeline(dir, result) : null;
                        Sample sample = new Sample(variant, concurrency, i, result.wallSeconds(), records.records(),
                                result.cpuSeconds(), result.peakRssBytes(), firstRequest, meter.requests(), simulatorCpu,
                                timeline);
                        samples.add(sample);
                        log(String.format(java.util.Locale.ROOT, "%-9s c=%d #%d: %.1f s, %d records, CPU %.1f s,"
                                        + " RSS %d MB, first request %.2f s, %d requests, simulator CPU %.1f s%s", variant,
                                concurrency, i, sample.wallSeconds(), sample.records(), sample.cpuSeconds(),
                                sample.peakRssBytes() >> 20, sample.firstRequestSeconds(), sample.requests(),
                                sample.simulatorCpuSeconds(), timeline == null ? "" : "; " + BenchReport.timeline(timeline)));
                        delete(dir);
                    }
                }
            }
        }
        BenchReport report = new BenchReport(options, timestamp, samples, expected);
        System.out.println();
        System.out.print(report.table());
        Path file = report.write(benchDir);
        delete(work);
        return file;
    }

    /**
     * One unmeasured reference run. The simulator's JVM compiles its request path during the first run of a
     * session, which cost it 3-4 CPU seconds more than each later run (rapidContent, default data set) and
     * charged them to whichever variant ran first, always the job.
     */
    private void warmUp(Path work, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("warm-up"));
        log("warming the simulator up with one unmeasured reference run ...");
        MeasuredProcess.Result result = MeasuredProcess.run(command(BenchReport.REFERENCE, options.concurrencies().get(0),
                dir), dir, env, UNSET, dir.resolve("console.log"), timeout);
        if (result.exitCode() != 0) {
            throw new IOException("the warm-up reference run exited with " + result.exitCode() + " (files kept in " + dir
                    + "); its last lines:\n" + result.logTail(15));
        }
        delete(dir);
    }

    /** The run's timeline from its job repository, or null (and a line saying why) when it cannot be read. */
    private static RunTimeline timeline(Path dir, MeasuredProcess.Result result) {
        try {
            return RunTimeline.read(dir, result.startEpochMs());
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            log("no timeline for " + dir.getFileName() + " (its job repository could not be read: " + e.getMessage() + ")");
            return null;
        }
    }

    private List<String> command(String variant, int concurrency, Path dir) {
        BenchJob job = options.job();
        List<String> args = new ArrayList<>();
        if (variant.equals(BenchReport.JOB)) {
            args.add("--job=" + job.jobName);
            job.defaultParameters.forEach((k, v) -> {
                if (!options.jobParameters().containsKey(k)) {
                    args.add(k + "=" + v);
                }
            });
            options.jobParameters().forEach((k, v) -> args.add(k + "=" + v));
            if (job.concurrent) {
                args.add("concurrency=" + concurrency);
            }
            args.addAll(options.jobProperties());
            return launcher.job(options.jobHeap(), args, dir);
        }
        args.addAll(List.of(job.jobName, dir.resolve("output").toString(), Integer.toString(concurrency)));
        job.effectiveParameters(options.jobParameters()).forEach((k, v) -> args.add(k + "=" + v));
        return launcher.reference(options.jobHeap(), args);
    }

    static void log(String line) {
        System.out.println("bench: " + line);
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
