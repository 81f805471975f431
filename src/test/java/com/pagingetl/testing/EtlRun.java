package com.pagingetl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.pagingetl.EtlApplication;
import com.pagingetl.state.H2Credentials;

/**
 * Runs the real command line against a private working directory: its own job repository (H2 by default,
 * or a fresh PostgreSQL database, see {@link RepositoryDatabase}), output
 * directory and log file, with fast retry backoffs. {@link #run} runs in this JVM; {@link #start}
 * starts a child JVM on the test classpath so that a test can {@code kill -9} it.
 */
public final class EtlRun {

    private final Path home;
    private final List<String> repository;
    private final List<String> common;

    public EtlRun(Path home, String... extraSpringArgs) {
        this(home, RepositoryDatabase.H2, extraSpringArgs);
    }

    public EtlRun(Path home, RepositoryDatabase database, String... extraSpringArgs) {
        this(home, database.springArgs(home), extraSpringArgs);
    }

    /** @param repository the {@code --spring.datasource.*} arguments of the job repository */
    public EtlRun(Path home, List<String> repository, String... extraSpringArgs) {
        this.home = home;
        this.repository = List.copyOf(repository);
        this.common = new ArrayList<>(repository);
        common.addAll(List.of(
                "--etl.output-dir=" + home.resolve("output"),
                "--logging.file.name=" + home.resolve("etl.log"),
                "--etl.http.initial-backoff=10ms",
                "--etl.http.max-backoff=200ms",
                "--etl.progress-interval=2s"));
        common.addAll(Arrays.asList(extraSpringArgs));
    }

    /**
     * A connection to this run's H2 job repository, with the password the commands generated into
     * {@code data/etl.credentials}.
     */
    public static Connection openH2(Path home) throws IOException, SQLException {
        Path database = home.resolve("data/etl");
        String password = Files.readString(H2Credentials.credentialsFile(database)).strip();
        return DriverManager.getConnection("jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", password);
    }

    /** A connection to the job repository the commands use (after a first command created it). */
    public Connection openRepository() throws IOException, SQLException {
        String url = argument("url");
        if (url.startsWith("jdbc:h2:")) {
            return openH2(home);
        }
        return DriverManager.getConnection(url, argument("username"), "");
    }

    private String argument(String name) {
        String prefix = "--spring.datasource." + name + "=";
        return repository.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElseThrow();
    }

    public Path home() {
        return home;
    }

    public Path output(String job) {
        return home.resolve("output").resolve(job);
    }

    /** The outcome of one command: exit code and what it printed. */
    public record Result(int exitCode, String out, String err) {
        public String lastErrorLine() {
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
        }
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(common);
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = EtlApplication.run(o, e, all.toArray(String[]::new));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts the command in a child JVM; its output goes to files under the home directory. */
    public Process start(Map<String, String> env, String... args) throws IOException {
        return start("child", env, args);
    }

    /** Starts the command in a child JVM whose output goes to {@code <name>.out} and {@code <name>.err} under the home directory. */
    public Process start(String name, Map<String, String> env, String... args) throws IOException {
        return start(name, EtlApplication.class, env, args);
    }

    /** Like {@link #start(String, Map, String...)} with another main class, one that sets a fault point first. */
    public Process start(String name, Class<?> main, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(Arrays.asList(args));
        command.addAll(common);
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve(name + ".out").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve(name + ".err").toFile()));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs the command in a child JVM to its end and returns its result. */
    public Result runChild(Map<String, String> env, String... args) throws IOException, InterruptedException {
        long outBefore = size(home.resolve("child.out"));
        long errBefore = size(home.resolve("child.err"));
        Process p = start(env, args);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child run did not finish within 5 minutes");
        }
        return new Result(p.exitValue(), tail(home.resolve("child.out"), outBefore), tail(home.resolve("child.err"), errBefore));
    }

    /** {@code kill -9}: no shutdown hook, no finally block runs. */
    public static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private static long size(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    private static String tail(Path p, long from) throws IOException {
        if (!Files.exists(p)) {
            return "";
        }
        byte[] all = Files.readAllBytes(p);
        return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }
}
