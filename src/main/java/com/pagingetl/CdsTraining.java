package com.pagingetl;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training run of the class-data-sharing archive that {@code ./run.sh build} makes: runs each job once
 * (rapidContent twice, so that its incremental steps run too) on a small data set of its embedded simulator,
 * plus {@code --status}, all in this one JVM and in a throw-away directory, so that the JVM started with
 * {@code -XX:ArchiveClassesAtExit} has loaded every class a real command loads. Not a user command: run.sh
 * calls it as {@code java -XX:ArchiveClassesAtExit=<archive> -cp <extracted etl.jar> com.pagingetl.CdsTraining}.
 */
public final class CdsTraining {

    private static final List<List<String>> COMMANDS = List.of(
            List.of("--job=rapidContent", "--simulate", "countries=FR,GB", "sim.size=2000"),
            List.of("--job=rapidContent", "--simulate", "countries=FR,GB", "sim.size=2000"),
            List.of("--job=systaxRules", "--simulate", "sim.size=2000"),
            List.of("--job=demarchesDossiers", "demarche=1001", "--simulate", "sim.size=300"),
            List.of("--job=tdgVersions", "type=Country", "--simulate"),
            List.of("--status"));

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("etl-cds-training");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int failed = 0;
        for (List<String> command : COMMANDS) {
            List<String> all = new ArrayList<>(command);
            all.addAll(Arrays.asList(
                    "--spring.datasource.url=jdbc:h2:file:" + home.resolve("data/etl") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                    "--etl.output-dir=" + home.resolve("output"),
                    "--logging.file.name=" + home.resolve("etl.log")));
            if (EtlApplication.run(quiet, quiet, all.toArray(String[]::new)) != 0) {
                System.err.println("CDS training: " + String.join(" ", command) + " did not complete (log: " + home + ")");
                failed++;
            }
        }
        if (failed == 0) {
            deleteTree(home);
        }
        // Exit normally even after a failure: the archive is still written, only less complete.
        System.exit(0);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
