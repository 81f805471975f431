package com.pagingetl.output;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a run's files live. Published files: {@code <output>/<job>/<base><suffix>.jsonl.gz} beside
 * {@code <base>.manifest.json}. Work in progress: {@code <output>/<job>/.work/<base>/}, removed after
 * publishing or when the run is abandoned. The base name is fixed when the run first starts and kept in the job's ExecutionContext
 * ({@value #BASE_NAME_KEY}) so that a restart publishes under the same name.
 */
public record RunLayout(Path outputRoot, String job) {

    public static final String BASE_NAME_KEY = "run.baseName";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** {@code <job>[-<label>]-<UTC start>}, e.g. {@code demarchesDossiers-1001-20261122T101500Z}. */
    public static String baseName(String job, String label, Instant start) {
        return job + (label == null || label.isBlank() ? "" : "-" + label) + "-" + STAMP.format(start);
    }

    public Path jobDir() {
        return outputRoot.resolve(job);
    }

    public Path workDir(String baseName) {
        return jobDir().resolve(".work").resolve(baseName);
    }

    /**
     * Deletes the run's work directory with whatever it holds, then {@code .work/} itself if no other run is
     * using it. Idempotent.
     *
     * @return the number of files deleted
     */
    public int removeWork(String baseName) throws IOException {
        Path dir = workDir(baseName);
        int files = 0;
        if (Files.exists(dir)) {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(dir)) {
                paths = walk.sorted(Comparator.reverseOrder()).toList();
            }
            for (Path p : paths) {
                if (!Files.isDirectory(p)) {
                    files++;
                }
                Files.deleteIfExists(p);
            }
        }
        deleteIfEmpty(dir.getParent());
        return files;
    }

    /** Another run of the job may still be working beside it: only an empty directory goes. */
    private static void deleteIfEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.deleteIfExists(dir);
            }
        } catch (NoSuchFileException | DirectoryNotEmptyException gone) {
            // Already removed, or another run just started writing there.
        }
    }

    public Path published(String baseName, String suffix) {
        return jobDir().resolve(baseName + suffix + ".jsonl.gz");
    }

    public Path manifest(String baseName) {
        return jobDir().resolve(baseName + ".manifest.json");
    }
}
