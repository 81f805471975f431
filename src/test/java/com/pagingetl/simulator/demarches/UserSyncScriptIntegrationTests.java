package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

import tools.jackson.databind.JsonNode;

/**
 * The documentation's {@code sync.rb}, transcribed step by step (same body, headers, cursor persistence and loop
 * condition), runs unchanged against the simulator: only the endpoint differs.
 */
class UserSyncScriptIntegrationTests {

    private static String queryFile() throws IOException {
        try (InputStream in = UserSyncScriptIntegrationTests.class.getResourceAsStream(
                "/sample-data/demarches/getDemarche.updatedSince.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One run of the script: returns the numbers fetched; {@code stored} is the "lastCursor" file's content. */
    private static List<Long> run(DemarchesHttp http, String query, Map<String, JsonNode> stored) {
        List<Long> all = new ArrayList<>();
        JsonNode lastCursor = stored.get("file");
        while (true) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("demarcheNumber", 1002);
            variables.put("updatedSince", "2020-02-22");
            variables.put("first", 100);
            if (lastCursor != null && lastCursor.hasNonNull("endCursor")) {
                variables.put("after", lastCursor.get("endCursor").asString());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("query", query);
            data.put("operationName", "getDemarche");
            data.put("variables", variables);
            JsonNode response = http.post("Bearer " + DemarchesSimulator.demoToken(), DemarchesHttp.JSON.writeValueAsString(data)).json();
            JsonNode dossiers = response.get("data").get("demarche").get("dossiers");
            dossiers.get("nodes").forEach(n -> all.add(n.get("number").asLong()));
            JsonNode cursor = dossiers.get("pageInfo");
            if (!cursor.get("endCursor").isNull()) {
                stored.put("file", cursor);
            }
            lastCursor = stored.get("file");
            if (!(lastCursor != null && lastCursor.hasNonNull("endCursor") && lastCursor.get("hasNextPage").asBoolean())) {
                return all;
            }
        }
    }

    @Test
    void firstRunFetchesEverythingAndTheNextRunOnlyTheChanges() throws IOException {
        try (DemarchesSimulator sim = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "6000")))) {
            sim.start(0);
            DemarchesHttp http = new DemarchesHttp(sim.baseUrl());
            String query = queryFile();
            Map<String, JsonNode> stored = new LinkedHashMap<>();
            List<Long> first = run(http, query, stored);
            assertThat(first).hasSizeGreaterThan(100).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(sim.visibleDossierNumbers(1002));
            assertThat(run(http, query, stored)).isEmpty();
            List<Long> touched = sim.touchDossiers(1002, 3);
            assertThat(run(http, query, stored)).containsExactlyElementsOf(touched);
        }
    }
}
