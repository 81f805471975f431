package com.pagingetl.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command lines the benchmark starts: the job as a user runs it ({@code ./run.sh --job=...}, which starts
 * the fast-start copy with its class-data archive and JVM options; or {@code java -jar etl.jar}; or, in tests
 * where the jar is not built yet, {@code java -cp <test classpath> com.pagingetl.EtlApplication}), the
 * simulator ({@code java -jar etl.jar simulate ...}) and the reference client ({@code java -cp <this
 * classpath> com.pagingetl.bench.ReferenceMain}). Immutable.
 *
 * @param etlMain the arguments after the JVM options that start the application (simulator and job)
 * @param script  {@code run.sh} when the job is started through it, else null
 * @param jobMain the arguments that start the job when it is another build than the simulator's, else null
 */
public record Launcher(List<String> etlMain, Path script, List<String> jobMain) {

    /** {@code java -jar <jar>}. */
    static Launcher jar(Path jar) {
        return new Launcher(List.of("-jar", jar.toAbsolutePath().toString()), null, null);
    }

    /** The job through {@code run.sh}, as the README tells users to run it; the simulator from the jar. */
    static Launcher script(Path runSh, Path jar) {
        return new Launcher(List.of("-jar", jar.toAbsolutePath().toString()), runSh.toAbsolutePath(), null);
    }

    /** The job from another build's jar ({@code java -jar}), the simulator from {@code jar}. */
    static Launcher otherJob(Path jobJar, Path jar) {
        return new Launcher(List.of("-jar", jar.toAbsolutePath().toString()), null,
                List.of("-jar", jobJar.toAbsolutePath().toString()));
    }

    /** The application from this JVM's classpath, for tests that run before the jar is packaged. */
    public static Launcher classpath() {
        return new Launcher(List.of("-cp", absoluteClasspath(), "com.pagingetl.EtlApplication"), null, null);
    }

    /**
     * The job's command for a run in {@code dir}. {@code run.sh} works from the project directory, so the job
     * repository, output and log are pointed at the run's directory, where {@code java} would put them by itself;
     * the benchmark's JVM options reach it as {@code JAVA_OPTS}.
     */
    List<String> job(List<String> jvmOptions, List<String> args, Path dir) {
        if (jobMain != null) {
            List<String> command = java(jvmOptions);
            command.addAll(jobMain);
            command.addAll(args);
            return command;
        }
        if (script == null) {
            return etl(jvmOptions, args);
        }
        List<String> command = new ArrayList<>(List.of("env", "JAVA_OPTS=" + String.join(" ", jvmOptions),
                script.toString()));
        command.addAll(args);
        command.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data").resolve("etl")
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        command.add("--etl.output-dir=" + dir.resolve("output"));
        command.add("--logging.file.name=" + dir.resolve("data").resolve("logs").resolve("etl.log"));
        return command;
    }

    List<String> etl(List<String> jvmOptions, List<String> args) {
        List<String> command = java(jvmOptions);
        command.addAll(etlMain);
        command.addAll(args);
        return command;
    }

    List<String> reference(List<String> jvmOptions, List<String> args) {
        List<String> command = java(jvmOptions);
        command.addAll(List.of("-cp", absoluteClasspath(), ReferenceMain.class.getName()));
        command.addAll(args);
        return command;
    }

    /** This JVM's classpath with absolute entries: the children run in their own directories. */
    private static String absoluteClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        return command;
    }
}
