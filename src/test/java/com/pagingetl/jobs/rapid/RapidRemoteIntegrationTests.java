package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.pagingetl.EtlApplication;
import com.pagingetl.launch.ExitCodes;
import com.pagingetl.remote.HaltAfterTakeWorker;
import com.pagingetl.testing.ArtemisBroker;
import com.pagingetl.testing.EtlRun;

/**
 * Remote partitioning on real processes: a PostgreSQL job repository (embedded, one per class, a database per
 * test), two worker JVMs ({@code --worker}) and the manager (the usual command with
 * {@code --etl.partitioning=remote}), all on loopback and one output directory. The simulator lives in the test
 * JVM, so it serves every process and keeps its data across kills.
 */
class RapidRemoteIntegrationTests {

    private static final Pattern EXECUTING = Pattern.compile("worker pid (\\d+) on \\S+: executing rapidContent partition (\\S+)");

    private static EmbeddedPostgres postgres;
    private static int databases;

    @TempDir
    Path home;

    private final List<Process> workers = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroy();
            if (!worker.waitFor(60, TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        }
    }

    @Test
    void partitionsRunOnBothWorkersAndEveryPropertyIsPublishedOnce() throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, freshDatabase(), Map.of("latencyMs", "100"))) {
            // Each worker executes one partition at a time: while a takes the largest, b takes the others.
            // Each lists the classes it loads (%p: its pid), to show the broker's classes are not among them.
            startTwoWorkers(rapid, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + home.resolve("classes-%p.log")));

            EtlRun.Result run = rapid.etl.run(remoteCommand(rapid));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertEveryPropertyOnceFromBothWorkers(rapid);
            List<Path> classLogs;
            try (Stream<Path> files = Files.list(home)) {
                classLogs = files.filter(f -> f.getFileName().toString().startsWith("classes-")).toList();
            }
            assertThat(classLogs).hasSize(2);
            for (Path classLog : classLogs) {
                assertThat(Files.readString(classLog)).as(classLog.toString())
                        .contains("com.pagingetl.remote.PartitionWorker ")
                        .doesNotContain("org.apache.activemq", "com.pagingetl.remote.JmsTransport", "jakarta.jms");
            }
        }
    }

    @Test
    void overAnArtemisBrokerPartitionsRunOnBothWorkersAndEveryPropertyIsPublishedOnce() throws Exception {
        String password = "broker-secret-4711";
        try (ArtemisBroker broker = new ArtemisBroker("etl", password);
             RapidFixture rapid = new RapidFixture(home, freshDatabase(), Map.of("latencyMs", "100"))) {
            // The broker's credentials come from the environment, as documented; its URL from a setting.
            Map<String, String> credentials = Map.of("ETL_REMOTE_JMS_USER", "etl", "ETL_REMOTE_JMS_PASSWORD", password);
            String[] jms = {"--etl.remote.transport=jms", "--etl.remote.jms.broker-url=" + broker.url()};
            startTwoWorkers(rapid, credentials, jms);

            List<String> command = new ArrayList<>(List.of(remoteCommand(rapid)));
            command.addAll(List.of(jms));
            EtlRun.Result run = rapid.etl.runChild(credentials, command.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertEveryPropertyOnceFromBothWorkers(rapid);
            try (Stream<Path> files = Files.walk(home)) {
                assertThat(files.filter(Files::isRegularFile).filter(f -> contains(f, password)).toList())
                        .as("files of the run, the workers and their logs that hold the broker's password").isEmpty();
            }
        }
    }

    @Test
    void aWorkerKilledMidPartitionFailsTheRunThenTheSameCommandCompletesOnAnotherWorker() throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, freshDatabase(), Map.of("latencyMs", "100"))) {
            // Worker a alone takes the largest partition first; it dies a few pages into it.
            Process doomed = awaitReady(startWorker(rapid, "worker-a"), "worker-a");
            CompletableFuture<EtlRun.Result> manager = CompletableFuture.supplyAsync(() -> rapid.etl.run(remoteCommand(rapid)));
            // Kill worker a once it is inside a partition, then let the survivor take the other requests.
            while (executingPids("worker-a").isEmpty() && !manager.isDone()) {
                Thread.sleep(50);
            }
            int before = rapid.simulator.contentRequestCount();
            while (rapid.simulator.contentRequestCount() < before + 3 && !manager.isDone()) {
                Thread.sleep(20);
            }
            EtlRun.kill9(doomed);
            awaitReady(startWorker(rapid, "worker-b"), "worker-b");

            EtlRun.Result failed = manager.get(5, TimeUnit.MINUTES);

            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(failed.lastErrorLine()).contains("rapidContent failed", "its worker (pid " + doomed.pid(),
                    "taken for dead", "run the same command again");
            assertThat(rapid.published(".jsonl.gz")).as("nothing is published by a failed run").isEmpty();

            EtlRun.Result resumed = rapid.etl.run(remoteCommand(rapid));

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.out()).contains("resuming run 1");
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.expectedIds());
            assertThat(executingPids("worker-b")).isNotEmpty();
        }
    }

    @Test
    void aWorkerDyingBetweenTakingARequestAndWritingItsLeaseLeavesTheRequestToAnotherWorker() throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, freshDatabase(), Map.of("latencyMs", "100"))) {
            // Worker a halts right after its first take, before the partition's lease is written.
            Process doomed = awaitReady(startWorker(rapid, "worker-a", HaltAfterTakeWorker.class, Map.of()), "worker-a");
            CompletableFuture<EtlRun.Result> manager = CompletableFuture.supplyAsync(() -> rapid.etl.run(remoteCommand(rapid)));
            assertThat(doomed.waitFor(5, TimeUnit.MINUTES)).as("worker a took a request within 5 minutes").isTrue();
            assertThat(doomed.exitValue()).as(read("worker-a.out")).isEqualTo(HaltAfterTakeWorker.HALTED);
            awaitReady(startWorker(rapid, "worker-b"), "worker-b");

            EtlRun.Result run = manager.get(5, TimeUnit.MINUTES);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Matcher taken = Pattern.compile("halting after taking step execution (\\d+)").matcher(read("worker-a.out"));
            assertThat(taken.find()).as(read("worker-a.out")).isTrue();
            assertThat(read("worker-b.out")).as("worker b executed the partition a took")
                    .contains("(step execution " + taken.group(1) + ",");
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.expectedIds());
        }
    }

    @Test
    void aManagerKilledMidRunIsResumedByTheSameCommandAndEveryPropertyIsPublishedOnce() throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, freshDatabase(), Map.of("latencyMs", "100"))) {
            List<Process> both = startTwoWorkers(rapid);
            Process doomed = rapid.etl.start("manager", Map.of(), remoteCommand(rapid));
            // Kill the manager once both workers execute its partitions and have read a few pages.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (executingPids("worker-a").isEmpty() || executingPids("worker-b").isEmpty()) {
                assertThat(doomed.isAlive()).as("the manager ended early:%n%s", read("manager.err")).isTrue();
                assertThat(System.nanoTime()).as("both workers executing within 5 minutes").isLessThan(deadline);
                Thread.sleep(50);
            }
            int before = rapid.simulator.contentRequestCount();
            while (rapid.simulator.contentRequestCount() < before + 3) {
                assertThat(System.nanoTime()).as("the workers read pages within 5 minutes").isLessThan(deadline);
                Thread.sleep(20);
            }
            EtlRun.kill9(doomed);

            EtlRun.Result resumed = CompletableFuture.supplyAsync(() -> rapid.etl.run(remoteCommand(rapid)))
                    .get(5, TimeUnit.MINUTES);

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.out()).contains("left STARTED by a process that died", "resuming run 1");
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.expectedIds());
            assertThat(both).as("the workers outlive the manager").allMatch(Process::isAlive);
        }
    }

    /**
     * The test's command with remote partitioning and a short lease, so that a dead worker is found quickly;
     * countries up to 2,000 properties are one partition each: US (the largest), FR, GB, AQ.
     */
    private static String[] remoteCommand(RapidFixture rapid) {
        return rapid.command("maxPartitionSize=2000", "--etl.partitioning=remote", "--etl.remote.poll-interval=300ms",
                "--etl.remote.lease-stale-after=4s");
    }

    private void assertEveryPropertyOnceFromBothWorkers(RapidFixture rapid) throws IOException {
        List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.expectedIds());
        assertThat(executingPids("worker-a")).as("partitions executed by worker a").isNotEmpty();
        assertThat(executingPids("worker-b")).as("partitions executed by worker b").isNotEmpty();
    }

    /** Workers a and b, once both take requests. */
    private List<Process> startTwoWorkers(RapidFixture rapid) throws IOException, InterruptedException {
        return startTwoWorkers(rapid, Map.of());
    }

    private List<Process> startTwoWorkers(RapidFixture rapid, Map<String, String> env, String... extra)
            throws IOException, InterruptedException {
        Process a = startWorker(rapid, "worker-a", EtlApplication.class, env, extra);
        Process b = startWorker(rapid, "worker-b", EtlApplication.class, env, extra);
        return List.of(awaitReady(a, "worker-a"), awaitReady(b, "worker-b"));
    }

    /** A worker JVM executing one partition at a time. */
    private Process startWorker(RapidFixture rapid, String name) throws IOException {
        return startWorker(rapid, name, EtlApplication.class, Map.of());
    }

    private Process startWorker(RapidFixture rapid, String name, Class<?> main, Map<String, String> env,
                                String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--worker", "--jobs=rapidContent", "--concurrency=1",
                "--etl.remote.poll-interval=300ms", "--etl.remote.lease-stale-after=4s"));
        args.addAll(List.of(extra));
        Process worker = rapid.etl.start(name, main, env, args.toArray(String[]::new));
        workers.add(worker);
        return worker;
    }

    /** Returns the worker once it has said that it takes requests. */
    private Process awaitReady(Process worker, String name) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!read(name + ".out").contains("taking partitions of rapidContent")) {
            assertThat(worker.isAlive()).as("worker %s died at start:%n%s", name, read(name + ".err")).isTrue();
            assertThat(System.nanoTime()).as("worker %s did not start in 3 minutes", name).isLessThan(deadline);
            Thread.sleep(100);
        }
        return worker;
    }

    private Set<String> executingPids(String name) throws IOException {
        Matcher m = EXECUTING.matcher(read(name + ".out"));
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(String file) throws IOException {
        Path p = home.resolve(file);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /** A new database of the class's PostgreSQL for each test, so that each starts from an empty job repository. */
    private static List<String> freshDatabase() throws SQLException {
        String name = "remote" + (++databases);
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", name),
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
    }
}
