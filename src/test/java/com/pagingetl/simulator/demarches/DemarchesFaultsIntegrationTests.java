package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

import tools.jackson.databind.JsonNode;

/** Rate limiting and injected timeouts over real HTTP. */
class DemarchesFaultsIntegrationTests {

    private static DemarchesSimulator start(Map<String, String> options) {
        DemarchesSimulator sim = new DemarchesSimulator(new SimulatorOptions(options));
        sim.start(0);
        return sim;
    }

    private static Map<String, Object> page(int first) {
        return Map.of("demarcheNumber", 1002, "first", first, "updatedSince", "2024-01-01");
    }

    @Test
    void throttledRequestsGet429WithATextBodyAndRateLimitHeaders() {
        try (DemarchesSimulator sim = start(Map.of("size", "400", "rateLimitPerMinute", "3"))) {
            DemarchesHttp http = new DemarchesHttp(sim.baseUrl());
            List<DemarchesHttp.Response> throttled = new ArrayList<>();
            long sentFrom = System.currentTimeMillis() / 1000;
            // Eight requests: even if a 60 s window boundary falls in between, one window sees more than 3.
            for (int i = 0; i < 8; i++) {
                DemarchesHttp.Response r = http.query(DemarchesHttp.SYNC_LIGHT, page(5));
                if (r.status() == 429) {
                    throttled.add(r);
                } else {
                    assertThat(r.status()).isEqualTo(200);
                }
            }
            assertThat(throttled).isNotEmpty();
            DemarchesHttp.Response r = throttled.get(0);
            assertThat(r.body()).isEqualTo("Calme toi, cowboy ! T'enchaines un peu trop les requêtes. Respire un peu "
                    + "réessaie dans un petit moment.\nCalm down, cowboy! You're making too many requests. Take a breather "
                    + "and try again soon.\n");
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            assertThat(r.header("RateLimit-Remaining")).isEqualTo("0");
            long reset = Long.parseLong(r.header("RateLimit-Reset"));
            assertThat(reset % 60).isZero();
            // The end of a window that was open while the requests were sent, however long they took.
            assertThat(reset).isBetween(sentFrom, System.currentTimeMillis() / 1000 + 61);
            assertThat(r.header("Retry-After")).isNull();
            assertThat(sim.rateLimitedCount()).isEqualTo(throttled.size());
            // The key is the raw Authorization header: another value has its own window.
            assertThat(http.post("Bearer other", "{\"query\":\"{ __typename }\"}").status()).isEqualTo(403);
        }
    }

    @Test
    void injectedRateLimitAndDisabledLimit() {
        try (DemarchesSimulator sim = start(Map.of("size", "400", "rateLimitPerMinute", "0"))) {
            DemarchesHttp http = new DemarchesHttp(sim.baseUrl());
            sim.injectNext(DemarchesFault.RATE_LIMIT_429);
            sim.injectNext(DemarchesFault.RATE_LIMIT_429);
            assertThat(http.query(DemarchesHttp.SYNC_LIGHT, page(1)).status()).isEqualTo(429);
            assertThat(http.query(DemarchesHttp.SYNC_LIGHT, page(1)).status()).isEqualTo(429);
            for (int i = 0; i < 10; i++) {
                assertThat(http.query(DemarchesHttp.SYNC_LIGHT, page(1)).status()).isEqualTo(200);
            }
            assertThat(sim.requestCount()).isEqualTo(12);
        }
    }

    @Test
    void pagesAboveTimeoutAboveFirstTimeOutWithPartialData() {
        try (DemarchesSimulator sim = start(Map.of("size", "2000", "timeoutAboveFirst", "50", "rateLimitPerMinute", "0"))) {
            DemarchesHttp http = new DemarchesHttp(sim.baseUrl());
            String query = """
                    query getDemarche($demarcheNumber: Int!, $first: Int, $after: String, $updatedSince: ISO8601DateTime) {
                      demarche(number: $demarcheNumber) { number title
                        dossiers(first: $first, after: $after, updatedSince: $updatedSince) {
                          pageInfo { hasNextPage endCursor } nodes { number } } } }""";
            DemarchesHttp.Response r = http.query(query, page(100));
            assertThat(r.status()).isEqualTo(200);
            JsonNode error = r.json().get("errors").get(0);
            assertThat(error.get("message").asString()).isEqualTo("Timeout on DossierConnection.nodes");
            assertThat(error.get("extensions").get("code").asString()).isEqualTo("timeout");
            assertThat(error.get("path").toString()).isEqualTo("[\"demarche\",\"dossiers\",\"nodes\"]");
            JsonNode demarche = r.json().get("data").get("demarche");
            assertThat(demarche.get("number").asInt()).isEqualTo(1002);
            assertThat(demarche.get("title").asString()).isNotBlank();
            assertThat(demarche.get("dossiers").get("nodes").isNull()).isTrue();
            // pageInfo resolved before the deadline: a client that ignored the error would skip this page's rows.
            assertThat(demarche.get("dossiers").get("pageInfo").get("endCursor").isNull()).isFalse();

            // A client that halves first gets through, page after page.
            List<Long> seen = new ArrayList<>();
            String after = null;
            boolean more = true;
            while (more) {
                Map<String, Object> vars = new java.util.HashMap<>(page(50));
                if (after != null) {
                    vars.put("after", after);
                }
                JsonNode json = http.query(query, vars).json();
                assertThat(json.has("errors")).isFalse();
                JsonNode dossiers = json.get("data").get("demarche").get("dossiers");
                dossiers.get("nodes").forEach(n -> seen.add(n.get("number").asLong()));
                more = dossiers.get("pageInfo").get("hasNextPage").asBoolean();
                after = dossiers.get("pageInfo").get("endCursor").asString();
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(sim.visibleDossierNumbers(1002));
            assertThat(sim.timeoutCount()).isEqualTo(1);
        }
    }

    @Test
    void injectedTimeoutHitsOnlyTheNextPages() {
        try (DemarchesSimulator sim = start(Map.of("size", "400", "rateLimitPerMinute", "0"))) {
            DemarchesHttp http = new DemarchesHttp(sim.baseUrl());
            sim.injectNext(DemarchesFault.TIMEOUT);
            JsonNode first = http.query(DemarchesHttp.SYNC_LIGHT, page(10)).json();
            assertThat(first.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("timeout");
            JsonNode second = http.query(DemarchesHttp.SYNC_LIGHT, page(10)).json();
            assertThat(second.has("errors")).isFalse();
            assertThat(second.get("data").get("demarche").get("dossiers").get("nodes").size()).isEqualTo(10);
        }
    }

    @Test
    void expiredAndRevokedTokens() {
        try (DemarchesSimulator sim = start(Map.of("size", "400"))) {
            DemarchesHttp http = new DemarchesHttp(sim.baseUrl());
            sim.setTokenExpired(true);
            DemarchesHttp.Response expired = http.query(DemarchesHttp.SYNC_LIGHT, page(1));
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.body()).isEqualTo("{\"errors\":[{\"message\":\"Token expired\",\"extensions\":{\"code\":\"unauthorized\"}}],\"data\":null}");
            sim.setTokenExpired(false);
            sim.setTokenValid(false);
            assertThat(http.query(DemarchesHttp.SYNC_LIGHT, page(1)).status()).isEqualTo(403);
            sim.setTokenValid(true);
            assertThat(http.query(DemarchesHttp.SYNC_LIGHT, page(1)).status()).isEqualTo(200);
        }
    }

    @Test
    void theFaultPlanIsScriptedOverTheAdminSurfaceAndItsTimeoutShareIsDrawnPerRequest() throws Exception {
        try (DemarchesSimulator sim = start(Map.of("size", "400", "rateLimitPerMinute", "0"));
             DemarchesSimulator alwaysTimesOut = start(Map.of("size", "400", "rateLimitPerMinute", "0",
                     "timeoutRate", "1"))) {
            DemarchesHttp http = new DemarchesHttp(sim.baseUrl());
            java.net.http.HttpResponse<String> scripted = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl()
                            + "/__admin/sim/faults/next?kind=TIMEOUT")).POST(java.net.http.HttpRequest.BodyPublishers
                            .noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

            JsonNode timedOut = http.query(DemarchesHttp.SYNC_LIGHT, page(10)).json();
            JsonNode served = http.query(DemarchesHttp.SYNC_LIGHT, page(10)).json();
            sim.failRequestsAfter(0, 502);
            int failed = http.query(DemarchesHttp.SYNC_LIGHT, page(10)).status();
            sim.clearFaults();
            JsonNode drawn = new DemarchesHttp(alwaysTimesOut.baseUrl()).query(DemarchesHttp.SYNC_LIGHT, page(10)).json();

            assertThat(scripted.statusCode()).isEqualTo(200);
            assertThat(timedOut.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("timeout");
            assertThat(served.has("errors")).isFalse();
            assertThat(failed).isEqualTo(502);
            assertThat(http.query(DemarchesHttp.SYNC_LIGHT, page(10)).status()).isEqualTo(200);
            assertThat(drawn.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("timeout");
        }
    }
}
