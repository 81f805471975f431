package com.pagingetl.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command lines the benchmark starts: the application as a user runs it ({@code java -jar etl.jar}, or, in
 * tests where the jar is not built yet, {@code java -cp <test classpath> com.pagingetl.EtlApplication}) and
 * the reference client ({@code java -cp <this classpath> com.pagingetl.bench.ReferenceMain}). Immutable.
 *
 * @param etlMain the arguments after the JVM options that start the application
 */
record Launcher(List<String> etlMain) {

    /** {@code java -jar <jar>}: what a user runs. */
    static Launcher jar(Path jar) {
        return new Launcher(List.of("-jar", jar.toAbsolutePath().toString()));
    }

    /** The application from this JVM's classpath, for tests that run before the jar is packaged. */
    static Launcher classpath() {
        return new Launcher(List.of("-cp", absoluteClasspath(), "com.pagingetl.EtlApplication"));
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
