package com.pagingetl.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.StubHttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code etl.openlineage.url} set, a run posts OpenLineage run events to it: START, then FAIL, then (the same
 * command resuming the run) START and COMPLETE with the same run id, the API as input and the published files, with
 * their row counts and sizes, as outputs.
 */
class LineageIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "demo-systax-password";

    @TempDir
    Path home;

    @Test
    void failedRunThenItsResumeReportOneRunIdAndTheCompletedOneListsItsFiles() throws IOException {
        try (StubHttpServer endpoint = new StubHttpServer(201)) {
            EtlRun etl = new EtlRun(home, "--etl.openlineage.url=" + endpoint.url() + "/api/v1/lineage",
                    "--etl.openlineage.namespace=etl-test", "--etl.http.max-attempts=1");
            EtlRun.Result failed = etl.run("--job=systaxRules", "--simulate", "sim.size=300", "sim.seed=3", "sim.errorRate=1");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
            EtlRun.Result completed = etl.run("--job=systaxRules", "--simulate", "sim.size=300", "sim.seed=3");
            assertThat(completed.exitCode()).as(completed.toString()).isEqualTo(ExitCodes.COMPLETED);
            assertThat(completed.out()).contains("resuming run 1");

            List<StubHttpServer.Request> requests = endpoint.requests();
            assertThat(requests).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/api/v1/lineage");
                assertThat(r.contentType()).isEqualTo("application/json");
                assertThat(r.body()).doesNotContain(PASSWORD);
            });
            List<JsonNode> events = requests.stream().map(r -> JSON.readTree(r.body())).toList();
            assertThat(events).extracting(e -> e.get("eventType").asString())
                    .containsExactly("START", "FAIL", "START", "COMPLETE");
            events.forEach(LineageIntegrationTests::assertRequiredFields);
            assertThat(events).extracting(e -> e.get("run").get("runId").asString()).containsOnly(
                    events.get(0).get("run").get("runId").asString());

            assertThat(events.get(1).get("run").get("facets").get("errorMessage").get("message").asString())
                    .isNotBlank();
            JsonNode input = events.get(0).get("inputs").get(0);
            assertThat(input.get("namespace").asString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(input.get("name").asString()).endsWith("/api/v1/regras");

            JsonNode outputs = events.get(3).get("outputs");
            Path data = Path.of(completed.out().lines().map(String::strip).filter(l -> l.endsWith(".jsonl.gz"))
                    .findFirst().orElseThrow()).toAbsolutePath().normalize();
            assertThat(outputs).hasSize(1);
            assertThat(outputs.get(0).get("namespace").asString()).isEqualTo("file");
            assertThat(outputs.get(0).get("name").asString()).isEqualTo(data.toString());
            JsonNode statistics = outputs.get(0).get("outputFacets").get("outputStatistics");
            assertThat(statistics.get("rowCount").asLong()).isEqualTo(300);
            assertThat(statistics.get("size").asLong()).isEqualTo(Files.size(data));
            assertThat(statistics.get("_producer").asString()).isEqualTo(RunEvents.PRODUCER);
            assertThat(statistics.get("_schemaURL").asString()).contains("OutputStatisticsOutputDatasetFacet");
        }
    }

    @Test
    void anEndpointThatIsDownDoesNotChangeTheOutcome() throws IOException {
        int port;
        try (StubHttpServer closed = new StubHttpServer(200)) {
            port = Integer.parseInt(closed.url().replaceAll(".*:", ""));
        }
        EtlRun.Result result = new EtlRun(home, "--etl.openlineage.url=http://127.0.0.1:" + port + "/lineage").run("--job=systaxRules", "--simulate", "sim.size=50");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.COMPLETED);
    }

    private static void assertRequiredFields(JsonNode event) {
        assertThat(Instant.parse(event.get("eventTime").asString())).isNotNull();
        assertThat(UUID.fromString(event.get("run").get("runId").asString())).isNotNull();
        assertThat(event.get("job").get("namespace").asString()).isEqualTo("etl-test");
        assertThat(event.get("job").get("name").asString()).isEqualTo("systaxRules");
        assertThat(event.get("producer").asString()).isEqualTo(RunEvents.PRODUCER);
        assertThat(event.get("schemaURL").asString()).isEqualTo(RunEvents.SCHEMA_URL);
        assertThat(event.get("inputs").isArray()).isTrue();
        assertThat(event.get("outputs").isArray()).isTrue();
    }
}
