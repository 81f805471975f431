package com.pagingetl.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLayoutTests {

    @TempDir
    Path root;

    @Test
    void baseNameCarriesJobLabelAndUtcStart() {
        Instant start = Instant.parse("2026-11-22T10:15:00.987Z");

        assertThat(RunLayout.baseName("demarchesDossiers", "1001", start)).isEqualTo("demarchesDossiers-1001-20261122T101500Z");
        assertThat(RunLayout.baseName("tdgChanges", null, start)).isEqualTo("tdgChanges-20261122T101500Z");
        assertThat(RunLayout.baseName("tdgChanges", " ", start)).isEqualTo("tdgChanges-20261122T101500Z");
    }

    @Test
    void publishedFilesSitBesideTheManifestAndWorkUnderDotWork() {
        RunLayout layout = new RunLayout(root, "rapidContent");

        assertThat(layout.published("b", "")).isEqualTo(root.resolve("rapidContent/b.jsonl.gz"));
        assertThat(layout.published("b", "-deleted")).isEqualTo(root.resolve("rapidContent/b-deleted.jsonl.gz"));
        assertThat(layout.manifest("b")).isEqualTo(root.resolve("rapidContent/b.manifest.json"));
        assertThat(layout.workDir("b")).isEqualTo(root.resolve("rapidContent/.work/b"));
    }

    @Test
    void deletingOtherGenerationsKeepsOtherPartsWithSimilarNames() throws Exception {
        for (String name : new String[] {"US.g0.jsonl.gz.part", "US.g1.jsonl.gz.part", "US.g12.jsonl.gz.part",
                "US-cat-1.g0.jsonl.gz.part", "US.g0.jsonl.gz"}) {
            Files.createFile(root.resolve(name));
        }

        PartFiles.deleteOtherGenerations(root, "US", 1);

        try (var files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("US.g1.jsonl.gz.part", "US-cat-1.g0.jsonl.gz.part", "US.g0.jsonl.gz");
        }
    }

    @Test
    void removingARunsWorkKeepsOtherRunsAndDropsDotWorkOnceEmpty() throws Exception {
        RunLayout layout = new RunLayout(root, "rapidContent");
        Files.createDirectories(layout.workDir("a"));
        Files.createDirectories(layout.workDir("b"));
        Files.writeString(layout.workDir("a").resolve("US.g0.jsonl.gz.part"), "x");
        Files.writeString(layout.workDir("a").resolve("FR.g1.jsonl.gz.part"), "y");
        Files.writeString(layout.workDir("b").resolve("US.g0.jsonl.gz.part"), "z");

        assertThat(layout.removeWork("a")).isEqualTo(2);
        assertThat(layout.workDir("a")).doesNotExist();
        assertThat(layout.workDir("b").resolve("US.g0.jsonl.gz.part")).exists();

        assertThat(layout.removeWork("b")).isEqualTo(1);
        assertThat(layout.jobDir().resolve(".work")).doesNotExist();
        assertThat(layout.removeWork("b")).as("idempotent").isZero();
    }
}
