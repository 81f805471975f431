package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

import tools.jackson.databind.JsonNode;

/** The persisted query {@code ds-mutation-v2} over real HTTP, seen back through a {@code ds-query-v2} incremental read. */
class DemarchesMutationsIntegrationTests {

    private static final String TOKEN = "Bearer " + DemarchesSimulator.demoToken();
    private static final String SINCE = "2024-01-01T00:00:00+01:00";
    private static final int DEMARCHE = 1002;

    private static DemarchesSimulator sim;
    private static DemarchesHttp http;

    @BeforeAll
    static void start() {
        sim = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "1500", "seed", "5", "rateLimitPerMinute", "0")));
        sim.start(0);
        http = new DemarchesHttp(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aMutationChangesTheStateAndTheIncrementalReadSeesIt() {
        JsonNode dossier = firstDossier("en_construction", 0);
        String cursor = http.syncAll(DEMARCHE, null, SINCE).lastCursor();

        JsonNode payload = mutate("dossierPasserEnInstruction", dossier, instructeurOf(dossier), null);
        assertThat(payload.get("errors").isNull()).isTrue();
        assertThat(payload.get("dossier").get("id").asString()).isEqualTo(dossier.get("id").asString());
        assertThat(payload.get("dossier").get("state").asString()).isEqualTo("en_instruction");

        List<JsonNode> changed = changedAfter(cursor);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).get("number").asLong()).isEqualTo(dossier.get("number").asLong());
        assertThat(changed.get(0).get("state").asString()).isEqualTo("en_instruction");
        assertThat(changed.get(0).get("dateDerniereModification").asString())
                .isNotEqualTo(dossier.get("dateDerniereModification").asString());

        String afterInstruction = http.syncAll(DEMARCHE, cursor, SINCE).lastCursor();
        JsonNode refused = mutate("dossierRefuser", dossier, instructeurOf(dossier), "Pièces manquantes");
        assertThat(refused.get("dossier").get("state").asString()).isEqualTo("refuse");
        assertThat(changedAfter(afterInstruction)).singleElement()
                .satisfies(n -> assertThat(n.get("state").asString()).isEqualTo("refuse"));
    }

    @Test
    void aTransitionTheStateDoesNotAllowAnswersInThePayloadAndChangesNothing() {
        JsonNode dossier = firstDossier("en_construction", 1);
        String cursor = http.syncAll(DEMARCHE, null, SINCE).lastCursor();

        JsonNode payload = mutate("dossierAccepter", dossier, instructeurOf(dossier), null);
        assertThat(payload.get("dossier").isNull()).isTrue();
        assertThat(payload.get("errors").get(0).get("message").asString()).isEqualTo("Le dossier est déjà en construction");

        JsonNode otherGroupe = firstDossierOutsideGroupeOf(dossier);
        JsonNode foreign = mutate("dossierPasserEnInstruction", dossier, instructeurOf(otherGroupe), null);
        assertThat(foreign.get("errors").get(0).get("message").asString())
                .isEqualTo("L’instructeur n’a pas les droits d’accès à ce dossier");

        assertThat(changedAfter(cursor)).isEmpty();
        JsonNode now = http.query("query($n: Int!) { dossier(number: $n) { state dateDerniereModification } }",
                Map.of("n", dossier.get("number").asInt())).json().get("data").get("dossier");
        assertThat(now.get("state").asString()).isEqualTo("en_construction");
        assertThat(now.get("dateDerniereModification").asString()).isEqualTo(dossier.get("dateDerniereModification").asString());
    }

    @Test
    void anUnknownDossierIdIsAGraphqlErrorAndAnUnknownOperationIsRefused() {
        String body = DemarchesHttp.JSON.writeValueAsString(Map.of("queryId", "ds-mutation-v2",
                "operationName", "dossierAccepter", "variables", Map.of("input", Map.of("dossierId", "RG9zc2llci05OTk5OTk5",
                        "instructeurId", "VXNhZ2VyLTE=", "motivation", "ok"))));
        JsonNode unknown = http.post(TOKEN, body).json();
        assertThat(unknown.get("errors").get(0).get("message").asString())
                .isEqualTo("No object found for `dossierId: \"RG9zc2llci05OTk5OTk5\"`");
        assertThat(unknown.get("data").get("dossierAccepter").isNull()).isTrue();

        JsonNode noOperation = http.post(TOKEN, "{\"queryId\":\"ds-mutation-v2\",\"variables\":{}}").json();
        assertThat(noOperation.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("bad_request");
    }

    private static JsonNode mutate(String operation, JsonNode dossier, String instructeurId, String motivation) {
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        input.put("dossierId", dossier.get("id").asString());
        input.put("instructeurId", instructeurId);
        if (motivation != null) {
            input.put("motivation", motivation);
        }
        DemarchesHttp.Response response = http.post(TOKEN, DemarchesHttp.JSON.writeValueAsString(Map.of(
                "queryId", "ds-mutation-v2", "operationName", operation, "variables", Map.of("input", input))));
        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.has("errors")).as(response.body()).isFalse();
        return json.get("data").get(operation);
    }

    private static final String DOSSIERS = """
            query($d: Int!, $state: DossierState) { demarche(number: $d) { dossiers(first: 100, state: $state) {
              nodes { id number state dateDerniereModification groupeInstructeur { number instructeurs { id } } } } } }
            """;

    private static List<JsonNode> dossiers(String state) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("d", DEMARCHE));
        if (state != null) {
            variables.put("state", state);
        }
        List<JsonNode> out = new ArrayList<>();
        http.query(DOSSIERS, variables).json().get("data").get("demarche").get("dossiers").get("nodes").forEach(out::add);
        return out;
    }

    private static JsonNode firstDossier(String state, int index) {
        return dossiers(state).get(index);
    }

    private static JsonNode firstDossierOutsideGroupeOf(JsonNode dossier) {
        int groupe = dossier.get("groupeInstructeur").get("number").asInt();
        return dossiers(null).stream().filter(d -> d.get("groupeInstructeur").get("number").asInt() != groupe)
                .findFirst().orElseThrow();
    }

    private static String instructeurOf(JsonNode dossier) {
        return dossier.get("groupeInstructeur").get("instructeurs").get(0).get("id").asString();
    }

    /** What a {@code ds-query-v2} incremental read ({@code updatedSince}) returns after {@code cursor}. */
    private static List<JsonNode> changedAfter(String cursor) {
        List<JsonNode> out = new ArrayList<>();
        String after = cursor;
        while (true) {
            Map<String, Object> variables = new java.util.LinkedHashMap<>();
            variables.put("demarcheNumber", DEMARCHE);
            variables.put("includeDossiers", true);
            variables.put("first", 100);
            variables.put("updatedSince", SINCE);
            variables.put("after", after);
            JsonNode json = http.post(TOKEN, DemarchesHttp.JSON.writeValueAsString(Map.of("queryId", "ds-query-v2",
                    "operationName", "getDemarche", "variables", variables))).json();
            assertThat(json.has("errors")).as(json.toString()).isFalse();
            JsonNode page = json.get("data").get("demarche").get("dossiers");
            page.get("nodes").forEach(out::add);
            if (!page.get("pageInfo").get("endCursor").isNull()) {
                after = page.get("pageInfo").get("endCursor").asString();
            }
            if (!page.get("pageInfo").get("hasNextPage").asBoolean()) {
                return out;
            }
        }
    }
}
