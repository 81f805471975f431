package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.simulator.SimulatorOptions;

/**
 * A client written from the public description of the démarches API (Relay connection, {@code updatedSince} kept
 * fixed, {@code after} set to the last non-null {@code endCursor}, stop when {@code hasNextPage} is false): its
 * first run reads every visible dossier once, a run with nothing new keeps its cursor, and a run after changes
 * reads exactly the changed dossiers.
 */
class DemarchesRelayClientIntegrationTests {

    private static final String QUERY = """
            query sync($n: Int!, $since: ISO8601DateTime, $after: String) {
              demarche(number: $n) {
                dossiers(first: 100, updatedSince: $since, after: $after) {
                  pageInfo { hasNextPage endCursor }
                  nodes { number }
                }
              }
            }""";

    @Test
    void readsEveryVisibleDossierThenOnlyTheChangedOnesKeepingItsLastCursor() throws Exception {
        try (DemarchesSimulator sim = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "2500", "seed", "5",
                "rateLimitPerMinute", "0")))) {
            sim.start(0);
            RelayClient client = new RelayClient(sim.baseUrl(), DemarchesSimulator.DEFAULT_DEMARCHE);

            List<Long> first = client.run();
            assertThat(first).doesNotHaveDuplicates();
            assertThat(new HashSet<>(first)).isEqualTo(new HashSet<>(sim.visibleDossierNumbers(DemarchesSimulator.DEFAULT_DEMARCHE)));
            String cursor = client.cursor;
            assertThat(cursor).isNotNull();

            assertThat(client.run()).isEmpty();
            assertThat(client.cursor).as("an empty page's null endCursor is not stored").isEqualTo(cursor);

            List<Long> touched = sim.touchDossiers(DemarchesSimulator.DEFAULT_DEMARCHE, 7);
            List<Long> changed = client.run();
            assertThat(changed).containsExactlyInAnyOrderElementsOf(touched)
                    .containsExactlyInAnyOrderElementsOf(sim.changedSince(DemarchesSimulator.DEFAULT_DEMARCHE, cursor));
        }
    }

    /** One sync process per {@link #run}; {@link #cursor} is what a real client would persist between runs. */
    private static final class RelayClient {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String endpoint;
        private final int demarche;
        String cursor;

        RelayClient(String baseUrl, int demarche) {
            this.endpoint = baseUrl + "/api/v2/graphql";
            this.demarche = demarche;
        }

        List<Long> run() throws Exception {
            List<Long> numbers = new ArrayList<>();
            boolean more = true;
            while (more) {
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("n", demarche);
                variables.put("since", "2020-01-01");
                variables.put("after", cursor);
                String body = JsonMapper.shared().writeValueAsString(Map.of("query", QUERY, "variables", variables));
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                        .header("Authorization", "Bearer " + DemarchesSimulator.demoToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode connection = JsonMapper.shared().readTree(response.body()).path("data").path("demarche")
                        .path("dossiers");
                connection.path("nodes").forEach(node -> numbers.add(node.get("number").asLong()));
                JsonNode end = connection.path("pageInfo").path("endCursor");
                if (!end.isNull() && !end.isMissingNode()) {
                    cursor = end.asString();
                }
                more = connection.path("pageInfo").path("hasNextPage").asBoolean();
            }
            return numbers;
        }
    }
}
