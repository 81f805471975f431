package com.pagingetl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import tools.jackson.databind.json.JsonMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code ./run.sh bench --workers 1,2,3}: rapidContent with remote partitioning, the run (manager) and its
 * workers each a {@code java -jar target/etl.jar} JVM on this machine, on a fresh PostgreSQL database per run
 * (embedded, or created on {@code --jdbc-url}). For each worker count, {@code --repeat} runs: the workers are
 * started and ready before the run is, so the figures are the run's wall time from plan to publish; every run
 * must publish the same record set. Prints wall time, records/s and requests per worker count with the
 * speed-up over the first count, and writes {@code target/bench/rapidContent-workers-<UTC timestamp>.json}.
 */
final class WorkersBench {

    private static final String READY = "taking partitions of rapidContent";

    private final BenchOptions options;
    private final Launcher launcher;
    private final Path benchDir;
    private int databases;

    WorkersBench(BenchOptions options, Launcher launcher, Path benchDir) {
        this.options = options;
        this.launcher = launcher;
        this.benchDir = benchDir;
    }

    Path run() throws IOException, InterruptedException {
        String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        Path work = Files.createDirectories(benchDir.resolve("work").resolve("rapidContent-workers-" + timestamp))
                .toAbsolutePath();
        Duration timeout = Duration.ofSeconds(options.timeoutSeconds());
        int concurrency = options.concurrencies().get(0);
        List<Sample> samples = new ArrayList<>();
        RecordSet expected = null;
        BenchMain.log("starting the rapid simulator " + options.simulatorOptions() + " and PostgreSQL ...");
        try (SimulatorProcess simulator = SimulatorProcess.start(launcher, options.simHeap(), "rapid",
                options.simulatorOptions(), work.resolve("simulator.log"), timeout);
             Postgres postgres = Postgres.start(options.jdbc())) {
            Map<String, String> env = options.job().environment(simulator.baseUrl());
            for (int workers : options.workers()) {
                for (int i = 1; i <= options.repeat(); i++) {
                    Path dir = Files.createDirectories(work.resolve("w" + workers + "-" + i));
                    String database = "bench_w" + workers + "_" + i + "_" + (++databases);
                    List<String> common = new ArrayList<>(postgres.freshDatabase(database));
                    common.addAll(List.of("--etl.output-dir=" + dir.resolve("output"), "--etl.remote.poll-interval=500ms"));
                    List<Process> started = new ArrayList<>();
                    try {
                        for (int w = 1; w <= workers; w++) {
                            started.add(startWorker(dir, "worker-" + w, concurrency, common, env));
                        }
                        for (int w = 1; w <= workers; w++) {
                            awaitReady(started.get(w - 1), dir.resolve("worker-" + w + ".out"), timeout);
                        }
                        simulator.reset();
                        MeasuredProcess.Result result = MeasuredProcess.run(managerCommand(common, dir, concurrency), dir,
                                env, BenchMain.UNSET, dir.resolve("console.log"), timeout);
                        SimulatorProcess.Meter meter = simulator.meter();
                        String what = "run " + i + " on " + workers + " worker(s)";
                        if (result.exitCode() != 0) {
                            throw new IOException(what + " exited with " + result.exitCode() + " (files kept in " + dir
                                    + "); its last lines:\n" + result.logTail(15));
                        }
                        RecordSet records = RecordSet.of(dir.resolve("output"));
                        if (expected == null) {
                            expected = records;
                        } else if (!expected.sameRecords(records)) {
                            throw new IOException("record sets differ at " + what + ": " + expected.differenceFrom(records)
                                    + " (files kept in " + work + ")");
                        }
                        Sample sample = new Sample("workers=" + workers, concurrency, i, result.wallSeconds(),
                                records.records(), result.cpuSeconds(), result.peakRssBytes(), Double.NaN, meter.requests(),
                                Double.NaN, null);
                        samples.add(sample);
                        BenchMain.log(String.format(Locale.ROOT, "%d worker(s) x %d #%d: %.1f s, %d records, %.0f records/s,"
                                        + " %d requests, run's CPU %.1f s", workers, concurrency, i, sample.wallSeconds(),
                                sample.records(), sample.recordsPerSecond(), sample.requests(), sample.cpuSeconds()));
                        try (Connection c = postgres.connect(database)) {
                            BenchMain.log("  " + RemoteRunBreakdown.read(c, workers * concurrency).line());
                        } catch (SQLException e) {
                            throw new IOException("reading the times of " + what + " failed: " + e.getMessage(), e);
                        }
                    } finally {
                        stop(started);
                    }
                    BenchMain.delete(dir);
                }
            }
        }
        String table = table(samples, concurrency);
        System.out.println();
        System.out.print(table);
        Path file = write(timestamp, samples, concurrency);
        BenchMain.delete(work);
        return file;
    }

    private List<String> managerCommand(List<String> common, Path dir, int concurrency) {
        List<String> args = new ArrayList<>(List.of("--job=rapidContent"));
        options.jobParameters().forEach((k, v) -> args.add(k + "=" + v));
        args.add("concurrency=" + concurrency);
        args.add("--etl.partitioning=remote");
        args.add("--logging.file.name=" + dir.resolve("manager.log"));
        args.addAll(options.jobProperties());
        args.addAll(common);
        return launcher.etl(options.jobHeap(), args);
    }

    private Process startWorker(Path dir, String name, int concurrency, List<String> common, Map<String, String> env)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("--worker", "--jobs=rapidContent", "--concurrency=" + concurrency,
                "--logging.file.name=" + dir.resolve(name + ".log")));
        args.addAll(options.jobProperties());
        args.addAll(common);
        Path out = dir.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(launcher.etl(options.jobHeap(), args)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        BenchMain.UNSET.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitReady(Process worker, Path out, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(out, StandardCharsets.UTF_8).contains(READY)) {
            if (!worker.isAlive() || System.nanoTime() > deadline) {
                worker.destroyForcibly();
                throw new IOException(out.getFileName() + ": the worker did not start; its last lines:\n"
                        + MeasuredProcess.tail(out, 15));
            }
            Thread.sleep(100);
        }
    }

    /** SIGTERM, as an operator stops a worker; idle workers exit at once. */
    private static void stop(List<Process> workers) throws InterruptedException {
        workers.forEach(Process::destroy);
        for (Process w : workers) {
            if (!w.waitFor(60, TimeUnit.SECONDS)) {
                w.destroyForcibly();
            }
        }
    }

    private String table(List<Sample> samples, int concurrency) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "rapidContent with remote partitioning:"
                        + " size %s, latency %d ms, %d partitions at a time per worker, %d run(s) per worker count%n",
                options.size() == 0 ? "default" : Integer.toString(options.size()), options.latencyMs(), concurrency,
                options.repeat()));
        out.append(String.format(Locale.ROOT, "  %-8s %-22s %-22s %-10s %s%n", "workers", "wall s median [min-max]",
                "records/s median", "requests", "speed-up (records/s)"));
        double base = Double.NaN;
        for (int workers : options.workers()) {
            double[] wall = sorted(samples, workers, Sample::wallSeconds);
            double rate = BenchReport.median(sorted(samples, workers, Sample::recordsPerSecond));
            base = Double.isNaN(base) ? rate : base;
            out.append(String.format(Locale.ROOT, "  %-8d %-22s %-22.0f %-10.0f %.2fx%n", workers,
                    String.format(Locale.ROOT, "%.1f [%.1f-%.1f]", BenchReport.median(wall), wall[0], wall[wall.length - 1]),
                    rate, BenchReport.median(sorted(samples, workers, s -> s.requests())), rate / base));
        }
        return out.toString();
    }

    private Path write(String timestamp, List<Sample> samples, int concurrency) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job", "rapidContent");
        json.put("partitioning", "remote");
        json.put("timestamp", timestamp);
        json.put("latencyMs", options.latencyMs());
        json.put("simulatorOptions", options.simulatorOptions());
        json.put("jobParameters", options.jobParameters());
        json.put("concurrencyPerWorker", concurrency);
        json.put("workers", options.workers());
        json.put("runs", samples);
        Files.createDirectories(benchDir);
        Path file = benchDir.resolve("rapidContent-workers-" + timestamp + ".json");
        Files.writeString(file, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return file;
    }

    private static double[] sorted(List<Sample> samples, int workers, ToDoubleFunction<Sample> f) {
        return samples.stream().filter(s -> s.variant().equals("workers=" + workers)).mapToDouble(f).sorted().toArray();
    }

    /** The PostgreSQL server of the runs: embedded, or the one at {@code --jdbc-url}. */
    private record Postgres(EmbeddedPostgres embedded, String url, String user, String password) implements AutoCloseable {

        static Postgres start(List<String> jdbc) throws IOException {
            if (jdbc != null) {
                return new Postgres(null, jdbc.get(0), jdbc.get(1), jdbc.get(2));
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new Postgres(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        }

        /** A new database; the Spring arguments that point a process at it. */
        List<String> freshDatabase(String name) throws IOException {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IOException("creating database " + name + " on " + url + " failed: " + e.getMessage(), e);
            }
            return List.of("--spring.datasource.url=" + urlOf(name),
                    "--spring.datasource.username=" + user, "--spring.datasource.password=" + password);
        }

        Connection connect(String name) throws SQLException {
            return DriverManager.getConnection(urlOf(name), user, password);
        }

        private String urlOf(String database) {
            String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            return base.substring(0, base.lastIndexOf('/') + 1) + database;
        }

        @Override
        public void close() throws IOException {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
