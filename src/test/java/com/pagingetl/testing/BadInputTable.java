package com.pagingetl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.simulator.ApiSimulator;
import com.pagingetl.testing.FaultServer.Request;

/**
 * The bad-input table of one job: each row spoils one thing the job meets (an answer of its API, through a
 * {@link FaultServer} in front of the job's simulator; a parameter; the output directory; the run's part files)
 * and checks what an operator and a scheduler see: the documented exit code, one line on stderr naming the job,
 * the position and the cause, no file under a final name, no credential anywhere the run wrote (console, log
 * file, output, manifest, job repository, nor any request to another origin), and, where recovery is possible,
 * that the same command then completes and publishes exactly what a clean run publishes.
 *
 * <p>The rows every job has are listed by {@link #cases()}; a subclass per job says how to reach its simulator,
 * which requests fetch pages and what names a position in its lines, and adds its own rows (credentials, GraphQL
 * errors, parameters). Runs execute in this JVM, so the console checked is what the launcher printed; every log
 * line also goes, with the same redaction, to the log file that is checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputTable {

    /** What makes the same command complete once the fault is gone. */
    public enum Recovery {
        /** Nothing: the fault never reaches a run (a refused parameter). */
        NONE,
        /** Run the same command again. */
        SAME_COMMAND,
        /** Abandon the run named by the line ({@code --abandon=<id>}), then run the same command again. */
        ABANDON_THEN_SAME_COMMAND
    }

    /** Spoils the fixture before the failing run; may run commands of its own (e.g. a run that fails part-way). */
    public interface Setup {
        void arrange(Fixture f) throws Exception;
    }

    /**
     * One row of the table.
     *
     * @param runFailure true when a run started and failed: the line must then start with the job's name
     * @param lineNames  what the line must name besides; {@code a|b} is satisfied by either
     */
    public record Case(String name, Setup setup, int exitCode, boolean runFailure, List<String> lineNames, Recovery recovery) {
        @Override
        public String toString() {
            return name;
        }
    }

    protected static Case failure(String name, Setup setup, String... names) {
        return new Case(name, setup, ExitCodes.FAILED, true, List.of(names), Recovery.SAME_COMMAND);
    }

    private static Case unusable(String name, Setup setup, Recovery recovery, String... cause) {
        return new Case(name, setup, ExitCodes.USAGE, true, List.of(cause), recovery);
    }

    protected static Case refusedParameter(String parameter, String value) {
        return new Case(parameter + "=" + value, f -> f.parameters.put(parameter, value), ExitCodes.USAGE, false,
                List.of(parameter), Recovery.NONE);
    }

    private static List<String> names(String[] where, String... cause) {
        List<String> all = new ArrayList<>(List.of(where));
        all.addAll(List.of(cause));
        return all;
    }

    private static Case failureAt(String name, Setup setup, String[] where, String... cause) {
        return new Case(name, setup, ExitCodes.FAILED, true, names(where, cause), Recovery.SAME_COMMAND);
    }

    // ---- rows every job has; {@code where} is what the line must name to give the position ----

    private Case nonJsonBody(int page, String... where) {
        return failureAt("non-JSON body (200 text/plain)", f -> f.atPage(page, 2,
                FaultServer.respond(200, "text/plain", "Service temporarily unavailable, please retry later")), where,
                "HTTP 200", "JSON", "Service temporarily unavailable");
    }

    private Case htmlErrorPage(int page, String... where) {
        return failureAt("HTML error page (503 from a proxy, every attempt)", f -> f.atPage(page, 2, FaultServer.respond(503, "text/html",
                "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service"
                        + " Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>")), where, "HTTP 503");
    }

    private Case truncatedGzip(int page, String... where) {
        return failureAt("truncated gzip body", f -> f.atPage(page, 2, FaultServer.truncatedGzip()), where, "not valid gzip");
    }

    private Case emptyBody(int page, String... where) {
        return failureAt("empty body with 200", f -> f.atPage(page, 2, FaultServer.respond(200, "application/json", "")), where, "empty");
    }

    /** The server answers a page with the page before it again: its next position is one already read. */
    private Case positionDoesNotAdvance(int page, String... where) {
        return failureAt("position does not advance (page " + page + " repeats page " + (page - 1) + ")",
                f -> f.atPage(page, f.api.earlierAnswer(pageRequests(), 1)), where, "looping|does not advance|did not advance");
    }

    /** The server answers a page with the one two pages back: its next position goes back to one already read. */
    private Case positionGoesBack(int page, String... where) {
        return failureAt("position goes back (page " + page + " answers as page " + (page - 2) + ")",
                f -> f.atPage(page, f.api.earlierAnswer(pageRequests(), 2)), where, "looping|does not advance|did not advance");
    }

    /** For GraphQL APIs: an answer with {@code errors} and {@code data} null, and one with both, on page 2. */
    protected Stream<Case> graphqlErrors(String errorJson, String... names) {
        return Stream.of(
                failure("GraphQL errors without data", f -> f.atPage(2, 2, FaultServer.graphqlError(errorJson, false)), names),
                failure("GraphQL errors with data", f -> f.atPage(2, 2, FaultServer.graphqlError(errorJson, true)), names));
    }

    /** A redirect to another origin, which must not be followed with the credentials. */
    private Case redirectToAnotherOrigin(int page, String... where) {
        return failureAt("redirect (307) to another origin", f -> f.atPage(page, 2, (request, upstream) ->
                FaultServer.redirect(f.foreign.baseUrl() + request.pathAndQuery()).answer(request, upstream)), where,
                "HTTP 307", "redirect to http://127.0.0.1:", "not followed");
    }

    private Case outputDirectoryNotWritable() {
        // A regular file where the output directory should be: as root, permissions would not stop a write.
        return unusable("output directory not writable", f -> {
            Path output = f.etl.home().resolve("output");
            Files.createDirectories(output.getParent());
            Files.writeString(output, "not a directory");
            f.onHeal(() -> delete(output));
        }, Recovery.SAME_COMMAND, "etl.output-dir");
    }

    /**
     * The disk fills while a chunk is written: a run that failed on its first page left its empty part files,
     * which become links to {@code /dev/full}, so the resumed run's first chunk gets the kernel's ENOSPC.
     */
    private Case diskFullDuringChunk(String... where) {
        return failureAt("disk full during a chunk", f -> {
            assumeDiskFullDevice();
            f.failFromPage(1);
            List<Path> parts = f.parts();
            assertThat(parts).as("part files of the failed run").isNotEmpty();
            for (Path part : parts) {
                Files.delete(part);
                Files.createSymbolicLink(part, DEV_FULL);
                f.onHeal(() -> delete(part));
            }
        }, where, "No space left on device");
    }

    /** The disk fills while publish assembles the file: its temporary file beside the final name is {@code /dev/full}. */
    private Case diskFullDuringPublish(int failPage, String... where) {
        return failureAt("disk full during publish", f -> {
            assumeDiskFullDevice();
            f.failFromPage(failPage);
            try (Stream<Path> runs = Files.list(f.jobDir().resolve(".work"))) {
                for (Path run : runs.toList()) {
                    Path tmp = f.jobDir().resolve(run.getFileName() + ".jsonl.gz.part");
                    Files.createSymbolicLink(tmp, DEV_FULL);
                    f.onHeal(() -> delete(tmp));
                }
            }
        }, where, "No space left on device");
    }

    private Case partTruncated(int failPage, String... where) {
        return unusable("part file truncated before resume", f -> {
            f.failFromPage(failPage);
            Path part = largestPart(f);
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.truncate(channel.size() / 2);
            }
        }, Recovery.ABANDON_THEN_SAME_COMMAND, names(where, "part", "--abandon=").toArray(String[]::new));
    }

    private Case partDeleted(int failPage, String... where) {
        return unusable("part file deleted before resume", f -> {
            f.failFromPage(failPage);
            Files.delete(largestPart(f));
        }, Recovery.ABANDON_THEN_SAME_COMMAND, names(where, "part", "--abandon=").toArray(String[]::new));
    }

    private Case workDirectoryRemoved(int failPage, String... where) {
        return unusable(".work directory removed before resume", f -> {
            f.failFromPage(failPage);
            Path work = f.jobDir().resolve(".work");
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }, Recovery.ABANDON_THEN_SAME_COMMAND, names(where, "part", "--abandon=").toArray(String[]::new));
    }

    private static final Path DEV_FULL = Path.of("/dev/full");

    /** Linux's {@code /dev/full} answers every write with ENOSPC; elsewhere these rows are skipped, not passed. */
    private static void assumeDiskFullDevice() {
        Assumptions.assumeTrue(Files.isWritable(DEV_FULL), "no " + DEV_FULL + " on this system");
    }

    private static Path largestPart(Fixture f) throws IOException {
        Path largest = null;
        for (Path part : f.parts()) {
            if (largest == null || Files.size(part) > Files.size(largest)) {
                largest = part;
            }
        }
        assertThat(largest).as("a part file of the failed run").isNotNull();
        assertThat(Files.size(largest)).as("committed bytes in " + largest).isPositive();
        return largest;
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One test's world: the fault server, another origin, a private working directory and the command. */
    public final class Fixture {
        public final FaultServer api;
        public final FaultServer foreign = FaultServer.foreignOrigin();
        public final EtlRun etl;
        public final Map<String, String> parameters = new LinkedHashMap<>(parameters());
        public final Map<String, String> properties;
        private final List<Runnable> undo = new ArrayList<>();

        Fixture(Path home) {
            api = new FaultServer(simulator.baseUrl());
            etl = new EtlRun(home, "--etl.http.max-attempts=2");
            properties = new LinkedHashMap<>(apiProperties(api.baseUrl()));
        }

        public String[] command() {
            List<String> args = new ArrayList<>(List.of("--job=" + job()));
            parameters.forEach((k, v) -> args.add(k + "=" + v));
            properties.forEach((k, v) -> args.add("--" + k + "=" + v));
            return args.toArray(String[]::new);
        }

        public EtlRun.Result run() {
            return etl.run(command());
        }

        public Path jobDir() {
            return etl.output(job());
        }

        /** The part files of the run in progress. */
        public List<Path> parts() throws IOException {
            Path work = jobDir().resolve(".work");
            if (!Files.isDirectory(work)) {
                return List.of();
            }
            try (Stream<Path> s = Files.walk(work)) {
                return s.filter(p -> p.getFileName().toString().endsWith(".part")).sorted().toList();
            }
        }

        /** Done when the fault is gone, before the recovery runs. */
        public void onHeal(Runnable action) {
            undo.add(action);
        }

        /** Makes the {@code n}-th page request and every later one fail (HTTP 500) for one run, which fails. */
        public void failFromPage(int n) {
            AtomicInteger pages = new AtomicInteger();
            api.always(r -> pageRequests().test(r) && pages.incrementAndGet() >= n,
                    FaultServer.respond(500, "text/plain", "internal error"));
            EtlRun.Result failed = run();
            assertThat(failed.exitCode()).as("the run meant to fail part-way: %s", failed).isEqualTo(ExitCodes.FAILED);
            api.heal();
        }

        /** Answers the {@code n}-th page request (counted from now, 1 for the first) with {@code fault}. */
        public void atPage(int n, FaultServer.Fault fault) {
            atPage(n, 1, fault);
        }

        /** Answers {@code times} page requests from the {@code n}-th on with {@code fault}. */
        public void atPage(int n, int times, FaultServer.Fault fault) {
            AtomicInteger pages = new AtomicInteger();
            api.on(r -> pageRequests().test(r) && pages.incrementAndGet() >= n, times, fault);
        }

        void heal() {
            api.heal();
            undo.forEach(Runnable::run);
            parameters.clear();
            parameters.putAll(parameters());
            properties.clear();
            properties.putAll(apiProperties(api.baseUrl()));
        }

        void close() {
            api.close();
            foreign.close();
        }
    }

    protected ApiSimulator simulator;
    private Set<String> cleanRun;

    /** The job's name as on the command line. */
    protected abstract String job();

    /** The job's simulator, started; one for the whole table. */
    protected abstract ApiSimulator startSimulator();

    /** The job parameters ({@code name=value}) of every run. */
    protected abstract Map<String, String> parameters();

    /** Spring properties of every run besides the simulator's base URL and credentials (chunk size...). */
    protected abstract Map<String, String> properties();

    /** The simulator's client properties (base URL and credentials), pointed at {@code baseUrl}, and {@link #properties()}. */
    private Map<String, String> apiProperties(String baseUrl) {
        Map<String, String> all = new LinkedHashMap<>(simulator.clientProperties());
        all.replaceAll((name, value) -> name.endsWith(".base-url") ? baseUrl : value);
        all.putAll(properties());
        return all;
    }

    /** What the line must name to give the position of a failed page fetch. */
    protected abstract String[] pageWords();

    /** Requests that fetch a page of records (not a login, a plan or a version probe). */
    protected abstract Predicate<Request> pageRequests();

    /** The rows of this job's table besides those every job has. */
    protected abstract Stream<Case> jobCases();

    /** The rows every job has (page faults on its second or third page), then the job's own. */
    protected final Stream<Case> cases() {
        String[] page = pageWords();
        String[] part = {"part", "records"};
        return Stream.concat(Stream.of(
                nonJsonBody(2, page),
                htmlErrorPage(2, page),
                truncatedGzip(2, page),
                emptyBody(2, page),
                positionDoesNotAdvance(2, page),
                positionGoesBack(3, page),
                redirectToAnotherOrigin(2, page),
                outputDirectoryNotWritable(),
                diskFullDuringChunk(part),
                diskFullDuringPublish(3, "publish"),
                partTruncated(3, part),
                partDeleted(3, part),
                workDirectoryRemoved(3, part)), jobCases());
    }

    @BeforeAll
    void startSimulatorAndRunCleanly(@TempDir Path clean) throws IOException {
        simulator = startSimulator();
        Fixture f = new Fixture(clean);
        try {
            EtlRun.Result result = f.run();
            assertThat(result.exitCode()).as("the clean run: %s", result).isZero();
            cleanRun = publishedLines(f.jobDir());
            assertThat(cleanRun).as("the clean run publishes records").isNotEmpty();
        } finally {
            f.close();
        }
    }

    @AfterAll
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputEndsWithOneLineAndNoSecretAndTheSameCommandRecovers(Case c, @TempDir Path home) throws Exception {
        Fixture f = new Fixture(home);
        try {
            // given
            c.setup().arrange(f);

            // when
            EtlRun.Result result = f.run();

            // then
            assertThat(result.exitCode()).as("%s", result).isEqualTo(c.exitCode());
            List<String> errLines = result.err().lines().filter(l -> !l.isBlank()).toList();
            assertThat(errLines).as("stderr of %s", result).hasSize(1);
            String line = errLines.get(0);
            if (c.runFailure()) {
                assertThat(line).startsWith(job());
            }
            for (String names : c.lineNames()) {
                assertThat(Stream.of(names.split("\\|")).anyMatch(line::contains)).as("the line names %s: %s", names, line).isTrue();
            }
            assertThat(PublishedOutput.files(f.jobDir(), ".jsonl.gz")).as("published data files").isEmpty();
            assertThat(PublishedOutput.files(f.jobDir(), ".manifest.json")).as("published manifests").isEmpty();
            assertThat(PublishedOutput.files(f.jobDir(), ".part")).as("half-assembled files beside the final names").isEmpty();
            assertNoSecret(f, result);
            System.out.printf("BAD-INPUT | %s | %s | %d | %s%n", job(), c.name(), result.exitCode(), line);

            if (c.recovery() == Recovery.NONE) {
                return;
            }
            // when the fault is gone
            f.heal();
            if (c.recovery() == Recovery.ABANDON_THEN_SAME_COMMAND) {
                Matcher id = Pattern.compile("--abandon=(\\d+)").matcher(line);
                assertThat(id.find()).as("the line names --abandon=<id>: %s", line).isTrue();
                List<String> abandon = new ArrayList<>(List.of("--abandon=" + id.group(1)));
                f.properties.forEach((k, v) -> abandon.add("--" + k + "=" + v));
                EtlRun.Result abandoned = f.etl.run(abandon.toArray(String[]::new));
                assertThat(abandoned.exitCode()).as("%s", abandoned).isZero();
            }
            EtlRun.Result recovered = f.run();

            // then
            assertThat(recovered.exitCode()).as("the same command once the fault is gone: %s", recovered).isZero();
            assertThat(publishedLines(f.jobDir())).as("what the recovered run published").isEqualTo(cleanRun);
            assertThat(PublishedOutput.leftovers(f.jobDir())).as("work files left").isEmpty();
            assertNoSecret(f, recovered);
        } finally {
            f.close();
        }
    }

    /** Every line of every published data file; the clean run has none twice, so a set loses nothing. */
    private static Set<String> publishedLines(Path jobDir) {
        List<String> all = new ArrayList<>();
        PublishedOutput.files(jobDir, ".jsonl.gz").forEach(file -> all.addAll(PublishedOutput.lines(file)));
        Set<String> distinct = new LinkedHashSet<>(all);
        assertThat(distinct).as("distinct published lines").hasSameSizeAs(all);
        return new TreeSet<>(all);
    }

    private void assertNoSecret(Fixture f, EtlRun.Result result) throws Exception {
        Set<String> secrets = new LinkedHashSet<>();
        Stream.of(simulator.clientProperties(), f.properties).forEach(properties -> properties.forEach((name, value) -> {
            if (!name.endsWith(".base-url")) {
                secrets.add(value);
            }
        }));
        f.api.requests().forEach(r -> secrets.addAll(r.credentials()));
        secrets.removeIf(s -> s.length() < 6);
        assertThat(secrets).as("credentials to look for").isNotEmpty();
        String text = RunText.of(f.etl, result);
        for (String secret : secrets) {
            assertThat(text).as("a credential written somewhere by the run").doesNotContain(secret);
        }
        assertThat(f.foreign.requests()).as("requests sent to another origin").isEmpty();
    }
}
