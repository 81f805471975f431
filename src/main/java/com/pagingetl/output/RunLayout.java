package com.pagingetl.output;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a run's files live. Published files: {@code <output>/<job>/<base><suffix>.jsonl.gz} beside
 * {@code <base>.manifest.json}. Work in progress: {@code <output>/<job>/.work/<base>/}, removed after
 * publishing. The base name is fixed when the run first starts and kept in the job's ExecutionContext
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

    public Path published(String baseName, String suffix) {
        return jobDir().resolve(baseName + suffix + ".jsonl.gz");
    }

    public Path manifest(String baseName) {
        return jobDir().resolve(baseName + ".manifest.json");
    }
}
