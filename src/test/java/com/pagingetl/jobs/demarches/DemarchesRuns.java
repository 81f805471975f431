package com.pagingetl.jobs.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.pagingetl.output.Manifest;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/** Runs demarchesDossiers against a base URL and reads what one run published. */
final class DemarchesRuns {

    static final String JOB = DemarchesDossiersJob.NAME;

    private final EtlRun etl;
    private final String baseUrl;
    private final String token;

    DemarchesRuns(EtlRun etl, String baseUrl, String token) {
        this.etl = etl;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of("--job=" + JOB, "--etl.jobs.demarches-dossiers.base-url=" + baseUrl,
                "--etl.jobs.demarches-dossiers.token=" + token));
        boolean hasDemarche = false;
        for (String e : extra) {
            hasDemarche |= e.startsWith("demarche=");
            args.add(e);
        }
        if (!hasDemarche) {
            args.add("demarche=1001");
        }
        return args.toArray(String[]::new);
    }

    EtlRun.Result run(String... extra) {
        return etl.run(args(extra));
    }

    Path jobDir() {
        return etl.output(JOB);
    }

    List<Path> publishedFiles() {
        return PublishedOutput.files(jobDir(), ".jsonl.gz");
    }

    /** What one completed run published, found through the manifest path it printed. */
    record Run(Path manifestPath, Manifest manifest, List<JsonNode> dossiers, List<JsonNode> deleted) {
        List<Long> dossierNumbers() {
            return dossiers.stream().map(n -> n.get("number").asLong()).toList();
        }

        List<Long> deletedNumbers() {
            return deleted.stream().map(n -> n.get("number").asLong()).toList();
        }

        Map<String, String> after() {
            return manifest.watermarkAfter();
        }
    }

    static Run published(EtlRun.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        String manifest = result.out().lines().map(String::strip).filter(l -> l.endsWith(".manifest.json")).findFirst()
                .orElseThrow(() -> new AssertionError("no manifest printed: " + result));
        String base = manifest.substring(0, manifest.length() - ".manifest.json".length());
        return new Run(Path.of(manifest), PublishedOutput.manifest(Path.of(manifest)), PublishedOutput.records(Path.of(base + ".jsonl.gz")),
                PublishedOutput.records(Path.of(base + "-deleted.jsonl.gz")));
    }
}
