package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/**
 * Resumes of rapidContent when the data or the links changed between a failure and the same command again:
 * the position inside a page is kept by the identities written, never by a count, and the limit on starting
 * a partition over guards one process, not the resumes of a run.
 */
class RapidResumeIntegrationTests {

    /** Pages of 50, commits every 20: a failure at the fourth page leaves 40 records of the third committed. */
    private static final String[] ONE_PARTITION = {"--job=rapidContent", "countries=US", "maxPartitionSize=1000000", "concurrency=1",
            "--etl.jobs.rapid-content.chunk-size=20", "--etl.http.max-attempts=1"};

    @TempDir
    Path home;

    @Test
    void aWrittenPropertyDeactivatedBeforeTheResumeShiftsNothingOutOfThePage() {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            TreeSet<String> expected = new TreeSet<>(rapid.simulator.expectedIds(List.of("US")));
            assertThat(expected).as("US must span more than three pages").hasSizeGreaterThan(160);
            // given: the probe and three pages answered, the fourth page fails
            rapid.simulator.failRequestsAfter(4, 500);
            EtlRun.Result failed = rapid.etl.run(ONE_PARTITION);
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            List<String> written = committedIds(rapid.jobDir(), "US");
            assertThat(written).as("two full pages and 40 of the third committed").hasSize(140);

            // when the first property of the page in progress, already written, is deactivated: the page moves up by one
            String deactivated = written.get(100);
            rapid.simulator.deactivate(deactivated);
            rapid.simulator.clearFaults();
            EtlRun.Result resumed = rapid.etl.run(ONE_PARTITION);

            // then every property is published once: the one after the written ones is not skipped
            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(ids)).isEqualTo(expected);
        }
    }

    @Test
    void aPartitionThatMustStartOverOnEachOfFiveResumesStillCompletes() {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            // given a run that fails part-way, then five resumes that each find every link expired and fail again
            rapid.simulator.failRequestsAfter(4, 503);
            assertThat(rapid.etl.run(ONE_PARTITION).exitCode()).isEqualTo(1);
            for (int resume = 1; resume <= 5; resume++) {
                rapid.simulator.expireAllLinks();
                rapid.simulator.failRequestsAfter(2, 503);
                EtlRun.Result failed = rapid.etl.run(ONE_PARTITION);
                assertThat(failed.exitCode()).as("resume " + resume + ": " + failed).isEqualTo(1);
                assertThat(failed.lastErrorLine()).as("resume " + resume).contains("HTTP 503").doesNotContain("the limit");
            }

            // when the API is well again
            rapid.simulator.clearFaults();
            rapid.simulator.expireAllLinks();
            EtlRun.Result completed = rapid.etl.run(ONE_PARTITION);

            // then the same command completes with every property once (the default limit is 3 start-overs)
            assertThat(completed.exitCode()).as(completed.toString()).isZero();
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(ids)).isEqualTo(new TreeSet<>(rapid.simulator.expectedIds(List.of("US"))));
        }
    }

    @Test
    void smallCountriesPackedIntoOnePartitionResumeWithTheSavedPlanAndArePublishedOnce() throws IOException {
        // One partition at a time probes two groups first; each holds fewer than maxPartitionSize / 10 properties.
        List<String> countries = List.of("FR", "GB", "AQ", "DE", "IT", "ES");
        String[] packed = {"--job=rapidContent", "countries=" + String.join(",", countries), "maxPartitionSize=100000",
                "concurrency=1", "--etl.jobs.rapid-content.chunk-size=20", "--etl.http.max-attempts=1"};
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            // given: the two group probes and four pages answered, the fifth page fails
            rapid.simulator.failRequestsAfter(6, 500);
            EtlRun.Result failed = rapid.etl.run(packed);
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            assertThat(Files.readString(home.resolve("etl.log")))
                    .contains("2 partitions (2 of them packing small countries or categories)");
            assertThat(failed.lastErrorLine()).containsAnyOf("partition DE..ES", "partition FR..AQ").contains("HTTP 500");

            // when the same command runs again
            rapid.simulator.clearFaults();
            EtlRun.Result resumed = rapid.etl.run(packed);

            // then it resumes the saved plan (no new one) and publishes every property of the six countries once
            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            // The log holds both runs (the first one's failure) and one plan.
            assertThat(Files.readString(home.resolve("etl.log"))).contains("HTTP 500").containsOnlyOnce("rapidContent plan: ");
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(ids)).isEqualTo(new TreeSet<>(rapid.simulator.expectedIds(countries)));
            assertThat(com.pagingetl.testing.PublishedOutput.manifest(rapid.published(".manifest.json").get(0)).files()
                    .get(0).parts()).extracting(com.pagingetl.output.Manifest.PartEntry::name)
                    .containsExactly("FR..AQ", "DE..ES");
        }
    }

    /** property_id of the committed records of a partition's part file, in order. */
    private static List<String> committedIds(Path jobDir, String partition) {
        try (Stream<Path> files = Files.walk(jobDir)) {
            List<Path> parts = files.filter(f -> f.getFileName().toString().startsWith(partition + ".g")
                    && f.getFileName().toString().endsWith(".jsonl.gz.part")).toList();
            assertThat(parts).hasSize(1);
            List<String> ids = new ArrayList<>();
            PublishedOutput.records(parts.get(0)).forEach(r -> ids.add(r.get("property_id").asString()));
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
