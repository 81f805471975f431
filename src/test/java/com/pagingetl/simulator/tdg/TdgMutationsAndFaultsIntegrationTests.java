package com.pagingetl.simulator.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.pagingetl.simulator.SimulatorOptions;

/** Mutations at a version, consistency of as-of reads under writes, determinism, faults, options. */
class TdgMutationsAndFaultsIntegrationTests {

    private static TdgSimulator started(Map<String, String> options) {
        TdgSimulator sim = new TdgSimulator(new SimulatorOptions(options));
        sim.start(0);
        return sim;
    }

    @Test
    void mutationsInsertUpdateDeleteAtAVersion() throws Exception {
        try (TdgSimulator sim = started(Map.of("size", "200"))) {
            TdgTestClient client = new TdgTestClient(sim.baseUrl(), TdgSimulator.DEFAULT_TOKEN);
            long before = sim.latestVersion();

            JsonNode inserted = client.post("mutation { Country(insert: {title: \"Poland\", phone_code: \"+48\"}) "
                    + "{ title phone_code version } }").path("data").path("Country");
            long v1 = inserted.get(0).path("version").asLong();
            assertThat(v1).isGreaterThan(before);
            assertThat(sim.latestVersion()).isEqualTo(v1);

            // the seed's form: version inside the insert input, as a string
            long v0 = v1 - 1000;
            JsonNode older = client.post("mutation { Country(insert: {version: \"" + v0 + "\", title: \"Poland\", "
                    + "phone_code: \"+47\"}) { version phone_code } }").path("data").path("Country");
            assertThat(older.get(0).path("version").asLong()).isEqualTo(v0);
            assertThat(phone(client, "Poland", null)).isEqualTo("+48");
            assertThat(phone(client, "Poland", v0)).isEqualTo("+47");

            // update at an existing version rewrites that version: the seed's ["set","phone_code","+7"]
            JsonNode updated = client.post("mutation { Country(title: \"Poland\", version: \"" + v1
                    + "\" update: [[\"set\", \"phone_code\", \"+480\"]]) { version phone_code } }").path("data").path("Country");
            assertThat(updated.get(0).path("version").asLong()).isEqualTo(v1);
            assertThat(phone(client, "Poland", null)).isEqualTo("+480");
            // the contract's [path, op, value] order, at a new version
            JsonNode newer = client.post("mutation { Country(title: \"Poland\", update: [[\"phone_code\", \"=\", \"+481\"]]) "
                    + "{ version phone_code } }").path("data").path("Country");
            long v2 = newer.get(0).path("version").asLong();
            assertThat(v2).isGreaterThan(v1);
            assertThat(phone(client, "Poland", v1)).isEqualTo("+480");

            JsonNode lock = client.post("mutation { Country(title: \"Poland\", only_if_version: " + v1
                    + ", update: [[\"set\", \"phone_code\", \"+1\"]]) { version } }");
            assertThat(lock.has("data")).isFalse();
            assertThat(lock.path("errors").get(0).path("message").asString())
                    .isEqualTo("Atomic operation failed: Country has version " + v2 + " and lock is " + v1);
            JsonNode both = client.post("mutation { Country(title: \"Poland\", only_if_version: 1, if_not_exists: true, "
                    + "insert: {title: \"Poland\"}) { version } }");
            assertThat(both.path("errors").get(0).path("message").asString())
                    .isEqualTo("Choose either only_if_version or if_not_exists");
            JsonNode locked = client.post("mutation { Country(title: \"Poland\", only_if_version: " + v2
                    + ", update: [[\"set\", \"phone_code\", \"+48\"]]) { phone_code } }");
            assertThat(locked.path("data").path("Country").get(0).path("phone_code").asString()).isEqualTo("+48");

            JsonNode deleted = client.post("mutation { Country(title: \"Poland\", delete: true) { title phone_code } }")
                    .path("data").path("Country");
            assertThat(deleted.get(0).path("phone_code").asString()).isEqualTo("+48");
            long deletedAt = sim.latestVersion();
            assertThat(client.post("{ Country(title: \"Poland\") { title } }").path("data").path("Country")).isEmpty();
            assertThat(phone(client, "Poland", deletedAt - 1)).isEqualTo("+48");
            JsonNode history = client.post("{ Country(title: \"Poland\", all_versions: true) { phone_code } }")
                    .path("data").path("Country");
            assertThat(history).hasSize(4);

            // deleting one stored version removes just that version (the seed's example)
            long russiaLatest = client.post("{ Country(title: \"Russia\") { version } }").path("data").path("Country")
                    .get(0).path("version").asLong();
            client.post("mutation { Country(delete: true, title: \"Russia\", version: \"" + russiaLatest + "\") { title } }");
            assertThat(phone(client, "Russia", null)).isEqualTo("+7");
        }
    }

    private static String phone(TdgTestClient client, String title, Long version) throws Exception {
        JsonNode page = client.post("{ Country(title: \"" + title + "\"" + (version == null ? "" : ", version: " + version)
                + ") { phone_code } }").path("data").path("Country");
        return page.isEmpty() ? null : page.get(0).path("phone_code").asString();
    }

    @Test
    void writesWhilePagingDoNotDisturbAnAsOfRead() throws Exception {
        try (TdgSimulator sim = started(Map.of("size", "2000", "writesPerRequest", "25", "seed", "11"))) {
            TdgTestClient client = new TdgTestClient(sim.baseUrl(), TdgSimulator.DEFAULT_TOKEN);
            long v = sim.latestVersion();
            List<String> expected = sim.expectedSnapshot("Account", v).stream()
                    .map(m -> m.get("account_id") + "@" + m.get("version")).toList();
            List<JsonNode> items = client.pageAll("Account", "version: " + v, 100, "account_id version");
            List<String> got = items.stream()
                    .map(i -> i.path("account_id").asString() + "@" + i.path("version").asLong()).toList();
            assertThat(sim.latestVersion()).isGreaterThan(v);
            assertThat(got).isEqualTo(expected);
            assertThat(sim.expectedSnapshot("Account", null)).isNotEqualTo(sim.expectedSnapshot("Account", v));
        }
    }

    @Test
    void concurrentReadersSeeTheirSnapshotWhileTheGridIsWritten() throws Exception {
        try (TdgSimulator sim = started(Map.of("size", "1500", "writesPerRequest", "10", "seed", "5"))) {
            long v = sim.latestVersion();
            List<Map<String, Object>> expected = sim.expectedSnapshot("Account", v);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<List<JsonNode>>> readers = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int first = 60 + t * 10;
                    readers.add(pool.submit(() -> new TdgTestClient(sim.baseUrl(), TdgSimulator.DEFAULT_TOKEN)
                            .pageAll("Account", "version: " + v, first, "account_id balance status version")));
                }
                for (var reader : readers) {
                    List<JsonNode> items = reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(items).hasSize(expected.size());
                    for (int i = 0; i < items.size(); i++) {
                        assertThat(items.get(i).path("account_id").asString()).isEqualTo(expected.get(i).get("account_id"));
                        assertThat(items.get(i).path("balance").asString()).isEqualTo(expected.get(i).get("balance"));
                        assertThat(items.get(i).path("version").asLong()).isEqualTo(expected.get(i).get("version"));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(sim.dataQueryCount()).isGreaterThan(4 * 15);
        }
    }

    @Test
    void sameSeedGivesTheSameDataAndVersions() {
        TdgSimulator a = new TdgSimulator(new SimulatorOptions(Map.of("size", "500", "seed", "3")));
        TdgSimulator b = new TdgSimulator(new SimulatorOptions(Map.of("size", "500", "seed", "3")));
        TdgSimulator c = new TdgSimulator(new SimulatorOptions(Map.of("size", "500", "seed", "4")));
        assertThat(a.latestVersion()).isEqualTo(b.latestVersion());
        assertThat(a.expectedHistory("Account")).isEqualTo(b.expectedHistory("Account"));
        assertThat(a.expectedHistory("Country")).isEqualTo(b.expectedHistory("Country"));
        assertThat(a.expectedHistory("Account")).isNotEqualTo(c.expectedHistory("Account"));
        assertThat(a.latestVersion()).isLessThan(System.currentTimeMillis() * 1_000_000L);
    }

    @Test
    void defaultDataSetHas50000AccountsWithVariedVersions() throws Exception {
        try (TdgSimulator sim = started(Map.of())) {
            assertThat(sim.liveObjects("Account")).isEqualTo(50_000);
            assertThat(sim.storedVersions("Account")).isBetween(130_000L, 170_000L);
            TdgTestClient client = new TdgTestClient(sim.baseUrl(), TdgSimulator.DEFAULT_TOKEN);
            JsonNode page = client.post("{ Account(account_id_ge: \"ACC-00049990\", first: 100) { account_id customer_name "
                    + "email city currency balance credit_limit status opened_at updated_at version } }")
                    .path("data").path("Account");
            assertThat(page).hasSize(11);
            JsonNode last = page.get(10);
            assertThat(last.path("account_id").asString()).isEqualTo("ACC-00050000");
            assertThat(last.path("balance").asString()).matches("[0-9]+\\.[0-9]{2}");
            assertThat(last.path("email").asString()).contains("@");
            assertThat(last.path("updated_at").asLong()).isEqualTo(last.path("version").asLong());
        }
    }

    @Test
    void injectedFaultsAndCounters() throws Exception {
        try (TdgSimulator sim = started(Map.of("size", "300"))) {
            TdgTestClient client = new TdgTestClient(sim.baseUrl(), TdgSimulator.DEFAULT_TOKEN);
            String body = "{\"query\":\"{ Account(first: 50) { account_id } }\"}";
            String[] auth = {"Authorization", "Bearer demo-tdg-token"};

            sim.injectNext(TdgSimulator.FaultKind.SERVER_ERROR_500);
            assertThat(client.raw(body, auth).statusCode()).isEqualTo(500);
            sim.injectNext(TdgSimulator.FaultKind.NON_JSON_200);
            HttpResponse<String> nonJson = client.raw(body, auth);
            assertThat(nonJson.statusCode()).isEqualTo(200);
            assertThat(nonJson.body()).startsWith("<html>");
            sim.injectNext(TdgSimulator.FaultKind.ENVELOPE_ERROR);
            assertThat(client.postBody(body).has("errors")).isTrue();
            sim.injectNext(TdgSimulator.FaultKind.CONNECTION_RESET);
            assertThatThrownBy(() -> client.raw(body, auth)).isInstanceOf(IOException.class);
            sim.injectNext(TdgSimulator.FaultKind.HARD_LIMIT);
            JsonNode limited = client.postBody(body);
            assertThat(limited.has("data")).isFalse();
            assertThat(limited.path("errors").get(0).path("message").asString())
                    .startsWith("Hard limit for scan rows reached 2000 for space \"Account\"");
            assertThat(client.postBody(body.replace("50", "25")).path("data").path("Account")).hasSize(25);
            assertThat(sim.firstValues()).endsWith(50, 25);

            sim.failRequestsAfter(1, 500);
            assertThat(client.raw(body, auth).statusCode()).isEqualTo(200);
            assertThat(client.raw(body, auth).statusCode()).isEqualTo(500);
            sim.clearFaults();
            assertThat(client.raw(body, auth).statusCode()).isEqualTo(200);
            assertThat(sim.requestMeter().requests()).isEqualTo(9);
        }
    }

    @Test
    void javaApiMutatesData() {
        TdgSimulator sim = new TdgSimulator(new SimulatorOptions(Map.of("size", "100")));
        long v = sim.update("Country", "Russia", "phone_code", "+9");
        assertThat(sim.latestVersion()).isEqualTo(v);
        assertThat(find(sim.expectedSnapshot("Country", null), "Russia").get("phone_code")).isEqualTo("+9");
        assertThat(find(sim.expectedSnapshot("Country", v - 1), "Russia").get("phone_code")).isEqualTo("+8");
        long inserted = sim.insert("Country", Map.of("title", "Atlantis", "phone_code", "+0"));
        assertThat(inserted).isGreaterThan(v);
        sim.delete("Country", "Atlantis");
        assertThat(find(sim.expectedSnapshot("Country", null), "Atlantis")).isNull();
        assertThat(find(sim.expectedSnapshot("Country", inserted), "Atlantis")).isNotNull();
        int before = sim.expectedHistory("Account").size();
        sim.updateRandom(50);
        assertThat(sim.expectedHistory("Account").size()).isGreaterThan(before);
    }

    @Test
    void aModelFileChangesTheGeneratedSchema(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("model.json");
        java.nio.file.Files.writeString(file, "{\"types\":[{\"name\":\"Parcel\",\"versioned\":true,"
                + "\"updateTimeField\":\"changed\",\"fields\":[{\"name\":\"code\",\"type\":\"string\","
                + "\"gen\":{\"kind\":\"format\",\"pattern\":\"P%05d\"}},{\"name\":\"weight\",\"type\":\"double\"},"
                + "{\"name\":\"changed\",\"type\":\"long\"}],\"indexes\":[{\"field\":\"code\"}]}]}");
        try (TdgSimulator sim = started(Map.of("model", file.toString(), "size", "30"))) {
            TdgTestClient client = new TdgTestClient(sim.baseUrl(), TdgSimulator.DEFAULT_TOKEN);
            List<JsonNode> items = client.pageAll("Parcel", "", 8, "code weight changed version");
            assertThat(items).hasSize(30);
            assertThat(items.get(0).path("code").asString()).isEqualTo("P00001");
            assertThat(items.get(29).path("changed").asLong()).isEqualTo(items.get(29).path("version").asLong());
            assertThat(sim.describe()).contains("Parcel (30 objects").doesNotContain("Russia");
        }
    }

    private static Map<String, Object> find(List<Map<String, Object>> rows, String title) {
        return rows.stream().filter(m -> m.get("title").equals(title)).findFirst().orElse(null);
    }

    @Test
    void badOptionsAreRejectedByName() {
        for (Map<String, String> options : List.of(Map.of("size", "-1"), Map.of("versionsPerObject", "0"),
                Map.of("errorRate", "2"), Map.of("hardLimitReturned", "x"), Map.of("token", " "),
                Map.of("model", "/no/such/model.json"))) {
            assertThatThrownBy(() -> new TdgSimulator(new SimulatorOptions(options)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sim." + options.keySet().iterator().next());
        }
    }

    @Test
    void theAdminSurfaceWritesDataAndScriptsFaults() throws Exception {
        try (TdgSimulator sim = started(Map.of("size", "50"))) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            long before = sim.latestVersion();

            HttpResponse<String> written = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    sim.baseUrl() + "/__admin/sim/data/write-random?count=3")).POST(java.net.http.HttpRequest
                    .BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> scripted = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    sim.baseUrl() + "/__admin/sim/faults/next?kind=SERVER_ERROR_500")).POST(java.net.http.HttpRequest
                    .BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            TdgTestClient client = new TdgTestClient(sim.baseUrl(), "demo-tdg-token");

            assertThat(written.statusCode()).isEqualTo(200);
            assertThat(sim.latestVersion()).isGreaterThan(before);
            assertThat(written.body()).isEqualTo("{\"latestVersion\":" + sim.latestVersion() + "}");
            assertThat(scripted.statusCode()).isEqualTo(200);
            assertThat(client.raw("{\"query\":\"{ Country { name } }\"}", "Authorization", "Bearer demo-tdg-token")
                    .statusCode()).isEqualTo(500);
            assertThat(sim.describe()).contains("POST /__admin/sim/data/write-random", "fault kinds");
        }
    }
}
