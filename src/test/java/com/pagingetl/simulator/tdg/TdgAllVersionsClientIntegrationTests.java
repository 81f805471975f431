package com.pagingetl.simulator.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.simulator.SimulatorOptions;

/**
 * A client written from the TDG description: {@code Account(first: N, all_versions: true, after: <cursor>)} with
 * a Bearer token, the next {@code after} the last item's {@code cursor}, stopping on an empty list. It must read
 * every stored version once, in primary-key then version order, as many as the simulator holds.
 */
class TdgAllVersionsClientIntegrationTests {

    @Test
    void theAllVersionsWalkReadsEveryStoredVersionOnceInKeyThenVersionOrder() throws Exception {
        try (TdgSimulator sim = new TdgSimulator(new SimulatorOptions(Map.of("size", "700", "seed", "3")))) {
            sim.start(0);
            HttpClient http = HttpClient.newHttpClient();
            List<String> read = new ArrayList<>();
            String after = null;
            while (true) {
                String arguments = "first: 100, all_versions: true" + (after == null ? "" : ", after: \"" + after + "\"");
                String body = JsonMapper.shared().writeValueAsString(Map.of("query",
                        "{ Account(" + arguments + ") { account_id version cursor } }"));
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/graphql"))
                        .header("Authorization", "Bearer " + TdgSimulator.DEFAULT_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode answer = JsonMapper.shared().readTree(response.body());
                assertThat(answer.has("errors")).as(response.body()).isFalse();
                JsonNode items = answer.get("data").get("Account");
                if (items.isEmpty()) {
                    break;
                }
                items.forEach(item -> read.add(item.get("account_id").asString() + "@"
                        + String.format("%020d", item.get("version").asLong())));
                after = items.get(items.size() - 1).get("cursor").asString();
            }

            assertThat(read).doesNotHaveDuplicates().isSorted();
            assertThat((long) read.size()).isEqualTo(sim.storedVersions("Account"));
            assertThat(read.stream().map(r -> r.substring(0, r.indexOf('@'))).distinct().count())
                    .isEqualTo(sim.liveObjects("Account"));
        }
    }
}
