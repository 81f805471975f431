package com.pagingetl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark works end to end for every job: a standalone simulator, the job as a child JVM (from the test
 * classpath, since the jar is packaged after the tests), the reference client, the record-set check and the
 * JSON report. A tiny data set, no latency, one run each. Timings are never asserted.
 */
class BenchIntegrationTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"rapidContent, 300", "demarchesDossiers, 200", "systaxRules, 300", "tdgVersions, 300"})
    void benchmarksTheJobAgainstTheReferenceOnATinyDataSet(String job, int size) throws Exception {
        BenchOptions options = BenchOptions.parse(job, "--size", Integer.toString(size), "--latency-ms", "0",
                "--repeat", "1", "--sim-heap", "-Xmx256m", "--job-heap", "-Xmx512m", "--timeout-s", "600");

        Path report = new BenchMain(options, Launcher.classpath(), dir).run();

        JsonNode json = JsonMapper.builder().build().readTree(report.toFile());
        assertThat(report.getFileName().toString()).startsWith(job + "-").endsWith(".json");
        assertThat(json.path("job").asString()).isEqualTo(job);
        assertThat(json.path("recordSetsMatch").asBoolean()).isTrue();
        assertThat(json.path("records").asLong()).isPositive();
        JsonNode variants = json.path("results").get(0).path("variants");
        for (String variant : new String[] {"job", "reference"}) {
            JsonNode run = variants.path(variant).path("runs").get(0);
            assertThat(run.path("records").asLong()).as(variant).isEqualTo(json.path("records").asLong());
            assertThat(run.path("requests").asLong()).as(variant).isPositive();
            assertThat(run.path("wallSeconds").asDouble()).as(variant).isPositive();
            // Serving even a tiny data set costs the simulator's JVM CPU; a run that measured nothing reads 0.
            assertThat(run.path("simulatorCpuSeconds").asDouble()).as(variant).isPositive();
        }
        JsonNode ratios = json.path("results").get(0).path("ratios");
        assertThat(ratios.has("wall")).isTrue();
        assertThat(ratios.path("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(ratios.path("cpuBoundSeconds").asDouble()).isPositive();
        assertThat(ratios.path("jobOverFloor").asDouble()).isPositive();
        assertThat(ratios.path("referenceOverFloor").asDouble()).isPositive();

        JsonNode jobRun = variants.path("job").path("runs").get(0);
        JsonNode timeline = jobRun.path("timeline");
        assertThat(timeline.path("firstStep").asString()).isNotEmpty();
        double firstStepDone = timeline.path("firstStepDoneSeconds").asDouble();
        double jobDone = timeline.path("jobDoneSeconds").asDouble();
        assertThat(firstStepDone).isPositive().isLessThanOrEqualTo(jobDone);
        assertThat(jobDone).isLessThanOrEqualTo(jobRun.path("wallSeconds").asDouble());
        if (job.equals("rapidContent")) {
            assertThat(timeline.path("firstStep").asString()).isEqualTo("rapidPlan");
            assertThat(timeline.path("partitionsDoneSeconds").asDouble()).isBetween(firstStepDone, jobDone);
            assertThat(timeline.path("longestPartitionSeconds").asDouble()).isPositive();
        }
        assertThat(variants.path("reference").path("runs").get(0).path("timeline").isNull()).isTrue();
    }

    @Test
    void benchmarksRemotePartitioningOnWorkersOnATinyDataSet() throws Exception {
        BenchOptions options = BenchOptions.parse("rapidContent", "--workers", "2", "--size", "300", "--latency-ms", "0",
                "--repeat", "1", "--concurrency", "2", "--sim-heap", "-Xmx256m", "--job-heap", "-Xmx384m",
                "countries=US,FR", "maxPartitionSize=50", "--timeout-s", "600");

        Path report = new WorkersBench(options, Launcher.classpath(), dir).run();

        JsonNode json = JsonMapper.builder().build().readTree(report.toFile());
        assertThat(report.getFileName().toString()).startsWith("rapidContent-workers-").endsWith(".json");
        JsonNode runs = json.path("runs");
        assertThat(runs.size()).isOne();
        assertThat(runs.get(0).path("variant").asString()).isEqualTo("workers=2");
        assertThat(runs.get(0).path("records").asLong()).isPositive();
        assertThat(runs.get(0).path("requests").asLong()).isPositive();
    }
}
