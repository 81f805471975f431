package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.output.Manifest;
import com.pagingetl.simulator.rapid.RapidFault;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/** The rapidContent job end to end over real HTTP against the Rapid simulator, with a real JDBC repository. */
class RapidContentJobIntegrationTests {

    @TempDir
    Path home;

    /** On both endings of Rapid's paging: a last Link to an empty page (the default) and a last page without Link. */
    @ParameterizedTest(name = "sim.lastPage={0}")
    @ValueSource(strings = {"empty", "data"})
    void fullExtractPublishesEveryPropertyOnceAndSplitsTheLargeCountryByCategory(String lastPage) {
        try (RapidFixture rapid = new RapidFixture(home, Map.of("lastPage", lastPage))) {
            EtlRun.Result result = rapid.run();

            assertThat(result.exitCode()).as(result.toString()).isZero();
            List<Path> files = rapid.published(".jsonl.gz");
            assertThat(files).hasSize(1);
            List<String> ids = RapidFixture.ids(files.get(0));
            assertThat(ids).hasSize(rapid.expectedIds().size()).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.expectedIds());

            Manifest manifest = PublishedOutput.manifest(rapid.published(".manifest.json").get(0));
            assertThat(manifest.records()).isEqualTo(ids.size());
            assertThat(manifest.files().get(0).sha256()).hasSize(64);
            assertThat(manifest.files().get(0).parts()).extracting(Manifest.PartEntry::name)
                    .contains("FR", "GB").anyMatch(n -> n.startsWith("US-cat-")).doesNotContain("US", "AQ");
            assertThat(manifest.watermarkBefore()).isEmpty();
            assertThat(manifest.watermarkAfter()).containsEntry("lastRunStartDate",
                    LocalDate.now(ZoneOffset.UTC).toString());
            assertThat(manifest.details()).containsEntry("mode", "full");
            assertThat(PublishedOutput.leftovers(rapid.jobDir())).isEmpty();
            assertThat(result.out()).contains("Published:", files.get(0).getFileName().toString());
        }
    }

    @Test
    void categoryAboveMaxPartitionSizeIsCutByStarRatingAndPartitionsRunLargestFirst() throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            EtlRun.Result result = rapid.etl.run("--job=rapidContent", "countries=US,FR,GB", "maxPartitionSize=300",
                    "concurrency=1");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.simulator.expectedIds(List.of("US", "FR", "GB")));
            List<Manifest.PartEntry> parts = PublishedOutput.manifest(rapid.published(".manifest.json").get(0))
                    .files().get(0).parts();
            assertThat(parts).extracting(Manifest.PartEntry::name).anyMatch(n -> n.matches("US-cat-1-r[0-5]\\.[05]"))
                    .doesNotContain("US", "US-cat-1");
            assertThat(parts).allMatch(p -> p.records() <= 300);
            // One partition at a time: the order they finish in is the order they started in.
            List<String> finished = java.util.regex.Pattern.compile("partition (\\S+): done")
                    .matcher(Files.readString(home.resolve("etl.log"))).results().map(m -> m.group(1)).toList();
            List<String> largestFirst = parts.stream()
                    .sorted(java.util.Comparator.comparingLong(Manifest.PartEntry::records).reversed())
                    .map(Manifest.PartEntry::name).toList();
            assertThat(finished).isEqualTo(largestFirst);
        }
    }

    @Test
    void propertiesWithoutStarRatingKeepTheirSliceWholeAndAreAllPublished() throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            EtlRun.Result result = rapid.etl.run("--job=rapidContent", "countries=US", "supplySource=vrbo",
                    "maxPartitionSize=20", "concurrency=4");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.simulator.expectedIds(List.of("US"), "vrbo"));
            assertThat(PublishedOutput.manifest(rapid.published(".manifest.json").get(0)).files().get(0).parts())
                    .extracting(Manifest.PartEntry::name).allMatch(n -> n.startsWith("US-cat-") && !n.contains("-r"));
            assertThat(Files.readString(home.resolve("etl.log"))).contains("kept whole");
        }
    }

    @Test
    void secondRunIsIncrementalFromTheLastRunStartDateAndListsInactiveProperties() {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            assertThat(rapid.run().exitCode()).isZero();
            String touched = rapid.expectedIds().first();
            rapid.simulator.touch(touched);

            EtlRun.Result second = rapid.run();

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.out()).contains("starting run 2");
            Path inactive = rapid.published("-inactive.jsonl.gz").get(0);
            Path content = rapid.published(".jsonl.gz").stream()
                    .filter(p -> !p.toString().endsWith("-inactive.jsonl.gz") && p.toString().equals(
                            inactive.toString().replace("-inactive", ""))).findFirst().orElseThrow();
            List<String> ids = RapidFixture.ids(content);
            assertThat(ids).contains(touched).doesNotHaveDuplicates().hasSizeLessThan(rapid.expectedIds().size());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Manifest manifest = PublishedOutput.manifest(Path.of(content.toString().replace(".jsonl.gz", ".manifest.json")));
            assertThat(manifest.details()).containsEntry("mode", "incremental").containsEntry("dateUpdatedStart", today.toString());
            assertThat(manifest.watermarkBefore()).containsEntry("lastRunStartDate", today.toString());
            assertThat(RapidFixture.distinct(PublishedOutput.records(inactive).stream()
                    .map(r -> r.get("property_id").asString()).toList()))
                    .isEqualTo(rapid.simulator.expectedInactiveIds(today));
        }
    }

    @Test
    void partitionFailingPartWayIsResumedBySameCommandWithoutRefetchingFinishedPages() {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            rapid.simulator.failRequestsAfter(75, 500);

            EtlRun.Result failed = rapid.run("--etl.http.max-attempts=2");

            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.lastErrorLine()).contains("rapidContent failed", "partition", "HTTP 500",
                    "run the same command again");
            assertThat(rapid.published(".jsonl.gz")).isEmpty();

            rapid.simulator.clearFaults();
            EtlRun.Result resumed = rapid.run();

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.out()).contains("resuming run 1");
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.expectedIds());
            // Only the page each failed partition was on is fetched twice.
            assertThat(rapid.simulator.maxTokenServeCount()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void linkThatExpiredBetweenFailureAndRestartRestartsItsPartitionWithoutDuplicates() {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            rapid.simulator.failRequestsAfter(70, 503);
            assertThat(rapid.run("--etl.http.max-attempts=1").exitCode()).isEqualTo(1);
            rapid.simulator.clearFaults();
            rapid.simulator.expireAllLinks();

            EtlRun.Result resumed = rapid.run();

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.expectedIds());
        }
    }

    @Test
    void linksExpiringDuringTheRunRestartTheirPartitionWithoutDuplicates() throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, Map.of("latencyMs", "40"))) {
            // One partition of ~36 pages, so that when the links expire it certainly holds a next link.
            String[] command = {"--job=rapidContent", "countries=US", "maxPartitionSize=1000000", "concurrency=1"};
            CompletableFuture<EtlRun.Result> run = CompletableFuture.supplyAsync(() -> rapid.etl.run(command));
            while (!run.isDone() && rapid.simulator.contentRequestCount() < 10) {
                Thread.sleep(5);
            }
            assertThat(run).as("the run must still be paging when its links expire").isNotDone();
            rapid.simulator.expireLinks(1);

            EtlRun.Result result = run.get(5, TimeUnit.MINUTES);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(Files.readString(home.resolve("etl.log"))).contains("partition US: the next link expired",
                    "starting over from the first page");
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.simulator.expectedIds(List.of("US")));
        }
    }

    @Test
    void completesUnderInjected5xx429AndConnectionResets() {
        try (RapidFixture rapid = new RapidFixture(home, Map.of("errorRate", "0.08", "rateLimitRate", "0.08",
                "resetRate", "0.08", "retryAfterSeconds", "0"))) {
            EtlRun.Result result = rapid.run("--etl.http.max-attempts=10");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.expectedIds());
        }
    }

    @Test
    void badCredentialsFailWithTheApiTypeAndNoSecretInOutputOrLog() throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            EtlRun.Result result = rapid.run("--etl.jobs.rapid-content.shared-secret=wrong-secret-value");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.lastErrorLine()).contains("rapidContent", "HTTP 401", "request_unauthenticated",
                    "local clock is within");
            assertThat(rapid.published(".jsonl.gz")).isEmpty();
            String everything = result.out() + result.err() + Files.readString(home.resolve("etl.log"));
            assertThat(everything).doesNotContain("wrong-secret-value", rapid.simulator.sharedSecret(), "Signature=");
        }
    }

    @Test
    void clockSkewBeyondFiveMinutesIsNamedAsTheCause() {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            rapid.simulator.setClockOffset(java.time.Duration.ofMinutes(9));

            EtlRun.Result result = rapid.run();

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.lastErrorLine()).contains("HTTP 401", "more than the allowed 300 s");
        }
    }
}
