package com.pagingetl.simulator.systax;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.pagingetl.simulator.SimulatorOptions;

/**
 * A client written from the Systax description: log in, then page the rules from scenario 1 / product 1, each
 * next request starting at the last (scenario, product) pair of the previous page (inclusive, so the boundary
 * rule comes twice and is kept once), the first answer's pointer kept for the whole process, until a page is
 * shorter than {@code paginacao}. It must read exactly the simulator's rules, and after changes only those.
 */
class SystaxKeysetClientIntegrationTests {

    @Test
    void theInclusiveKeysetWalkReadsEveryRuleOnceAndThenOnlyTheChangedOnes() throws Exception {
        try (SystaxSimulator sim = new SystaxSimulator(new SimulatorOptions(Map.of("size", "1234", "scenarios", "3",
                "seed", "9")))) {
            sim.start(0);
            KeysetClient client = new KeysetClient(sim);

            Walk full = client.walk("");
            assertThat(full.keys()).hasSize(sim.totalRules());
            assertThat(full.pointersSent()).containsOnly("");

            sim.changeRules(25);
            Walk changes = client.walk(full.firstPointer());
            assertThat(changes.keys()).hasSize(sim.countChangedAfter(full.firstPointer()));
            assertThat(changes.pointersSent()).containsOnly(full.firstPointer());
        }
    }

    /** The distinct (scenario, product) pairs read, the pointer of the first answer, and every pointer sent. */
    record Walk(Set<String> keys, String firstPointer, Set<String> pointersSent) {
    }

    private static final class KeysetClient {
        private final HttpClient http = HttpClient.newHttpClient();
        private final SystaxSimulator sim;

        KeysetClient(SystaxSimulator sim) {
            this.sim = sim;
        }

        Walk walk(String pointer) throws Exception {
            JsonNode login = post(sim.loginPath(), null, Map.of("usuario", sim.username(), "senha", sim.password()));
            String token = login.get("access_token").asString();
            Set<String> keys = new LinkedHashSet<>();
            Set<String> sent = new LinkedHashSet<>();
            String first = null;
            long cenario = 1;
            long produto = 1;
            int size = 50;
            while (true) {
                sent.add(pointer);
                JsonNode page = post(sim.rulesPath(), token, Map.of("id_cenario", cenario, "codigo_produto", produto,
                        "paginacao", size, "ponteiro_atualizacao", pointer));
                if (first == null) {
                    first = page.get("ponteiro_atualizacao").asString();
                }
                List<JsonNode> rules = new ArrayList<>();
                page.get("regras").forEach(rules::add);
                for (JsonNode rule : rules) {
                    keys.add(rule.get("id_cenario").asLong() + "/" + rule.get("codigo_produto").asLong());
                }
                if (rules.size() < size) {
                    return new Walk(keys, first, sent);
                }
                JsonNode last = rules.get(rules.size() - 1);
                cenario = last.get("id_cenario").asLong();
                produto = last.get("codigo_produto").asLong();
            }
        }

        private JsonNode post(String path, String token, Map<String, Object> body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST %s", path).isEqualTo(200);
            assertThat(response.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("matched-stub"));
            return JsonMapper.shared().readTree(response.body());
        }
    }
}
