package com.pagingetl.simulator.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.pagingetl.simulator.SimulatorOptions;

/** The simulator over real HTTP: auth, paging, versions, hard limits, envelope, cursors, faults. */
class TdgSimulatorIntegrationTests {

    private static TdgSimulator sim;
    private static TdgTestClient client;

    @BeforeAll
    static void start() {
        sim = new TdgSimulator(new SimulatorOptions(Map.of("size", "3000", "seed", "7")));
        sim.start(0);
        client = new TdgTestClient(sim.baseUrl(), TdgSimulator.DEFAULT_TOKEN);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void clientPropertiesPointAtTheSimulator() {
        assertThat(sim.clientProperties()).containsOnlyKeys("etl.jobs.tdg-versions.base-url", "etl.jobs.tdg-versions.token")
                .containsEntry("etl.jobs.tdg-versions.base-url", sim.baseUrl())
                .containsEntry("etl.jobs.tdg-versions.token", "demo-tdg-token");
        assertThat(sim.describe()).contains(sim.baseUrl() + "/graphql").contains("Bearer demo-tdg-token");
    }

    @Test
    void unauthorizedRequestsGetPlainText401() throws Exception {
        String body = "{\"query\":\"{ Country { title } }\"}";
        for (String[] headers : List.of(new String[0], new String[] {"Authorization", "demo-tdg-token"},
                new String[] {"Authorization", "Bearer wrong"}, new String[] {"Authorization", "Test demo-tdg-token"})) {
            HttpResponse<String> response = client.raw(body, headers);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("invalid credentials");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        }
    }

    @Test
    void countriesPageToTheEndExactlyOnce() throws Exception {
        List<JsonNode> items = client.pageAll("Country", "", 7, "title phone_code version");
        List<String> titles = items.stream().map(i -> i.path("title").asString()).toList();
        assertThat(titles).hasSize(46).doesNotHaveDuplicates().isSorted().contains("Russia", "Spain");
        assertThat(titles).isEqualTo(sim.expectedSnapshot("Country", null).stream().map(m -> m.get("title")).toList());
    }

    @Test
    void accountsPageToTheEndExactlyOnceAndCursorIsTdgShaped() throws Exception {
        List<JsonNode> items = client.pageAll("Account", "", 100, "account_id version");
        Set<String> ids = new HashSet<>();
        items.forEach(i -> ids.add(i.path("account_id").asString()));
        assertThat(items).hasSize(3000);
        assertThat(ids).hasSize(3000);
        JsonNode first = items.get(0);
        assertThat(first.path("account_id").asString()).isEqualTo("ACC-00000001");
        // base64url(msgpack {"scan": ["ACC-00000001", <uint64 version>]})
        byte[] cursor = java.util.Base64.getUrlDecoder().decode(first.path("cursor").asString());
        assertThat(cursor[0] & 0xff).isEqualTo(0x81);
        assertThat(new String(cursor, 2, 4)).isEqualTo("scan");
        assertThat(cursor[6] & 0xff).isEqualTo(0x92);
        assertThat(cursor[cursor.length - 9] & 0xff).isEqualTo(0xcf);
        assertThat(first.path("cursor").asString()).doesNotContain("=", "+", "/");
    }

    @Test
    void asOfReadsSeeEarlierVersionsAndAllVersionsShowsHistory() throws Exception {
        JsonNode latest = client.post("{ Country(title: \"Russia\") { title phone_code version } }")
                .path("data").path("Country");
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).path("phone_code").asString()).isEqualTo("+8");
        long v = latest.get(0).path("version").asLong();
        JsonNode previous = client.post("{ Country(title: \"Russia\", version: \"" + (v - 1) + "\") { phone_code version } }")
                .path("data").path("Country");
        assertThat(previous.get(0).path("phone_code").asString()).isEqualTo("+7");
        assertThat(previous.get(0).path("version").asLong()).isLessThan(v);
        JsonNode asInt = client.post("{ Country(title: \"Russia\", version: " + v + ") { phone_code } }")
                .path("data").path("Country");
        assertThat(asInt.get(0).path("phone_code").asString()).isEqualTo("+8");
        JsonNode before = client.post("{ Country(title: \"Russia\", version: 1514) { phone_code } }")
                .path("data").path("Country");
        assertThat(before).isEmpty();
        JsonNode history = client.post("{ Country(title: \"Russia\", all_versions: true, first: 5) { phone_code version } }")
                .path("data").path("Country");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("phone_code").asString()).isEqualTo("+7");
        assertThat(history.get(1).path("phone_code").asString()).isEqualTo("+8");
        // the version header is the default version argument
        JsonNode viaHeader = client.post("{ Country(title: \"Russia\") { phone_code } }", "version", Long.toString(v - 1))
                .path("data").path("Country");
        assertThat(viaHeader.get(0).path("phone_code").asString()).isEqualTo("+7");
    }

    @Test
    void versionsAreExact19DigitJsonIntegers() throws Exception {
        HttpResponse<String> response = client.raw("{\"query\":\"{ Country(title: \\\"Russia\\\") { version } }\"}",
                "Authorization", "Bearer demo-tdg-token");
        String expected = sim.expectedSnapshot("Country", null).stream()
                .filter(m -> m.get("title").equals("Russia")).findFirst().orElseThrow().get("version").toString();
        assertThat(expected).hasSize(19);
        assertThat(new BigInteger(expected)).isGreaterThan(BigInteger.TWO.pow(53));
        assertThat(response.body()).isEqualTo("{\"data\":{\"Country\":[{\"version\":" + expected + "}]}}");
        assertThat(sim.latestVersion()).isGreaterThanOrEqualTo(Long.parseLong(expected));
    }

    @Test
    void allVersionsPagingReturnsEveryStoredVersionOnce() throws Exception {
        List<JsonNode> items = client.pageAll("Account", "all_versions: true", 100, "account_id version");
        List<Map<String, Object>> expected = sim.expectedHistory("Account");
        assertThat(items).hasSize(expected.size()).hasSizeGreaterThan(3000 * 2);
        for (int i = 0; i < items.size(); i += 97) {
            assertThat(items.get(i).path("account_id").asString()).isEqualTo(expected.get(i).get("account_id"));
            assertThat(items.get(i).path("version").asLong()).isEqualTo(expected.get(i).get("version"));
        }
    }

    @Test
    void secondaryIndexOrdersByValueThenKeyAndReversePagingNeedsAfter() throws Exception {
        long from = TdgDataGenerator.BASE_VERSION;
        List<JsonNode> items = client.pageAll("Account", "updated_at_gt: " + from, 100, "account_id updated_at version");
        assertThat(items).hasSize(3000);
        List<Long> times = items.stream().map(i -> i.path("updated_at").asLong()).toList();
        assertThat(times).isSorted();
        items.forEach(i -> assertThat(i.path("updated_at").asLong()).isEqualTo(i.path("version").asLong()));

        JsonNode below = client.post("{ Country(title_lt: \"C\", first: 3) { title } }").path("data").path("Country");
        assertThat(below.findValuesAsString("title")).containsExactly("Bulgaria", "Brazil", "Belgium");
        JsonNode upTo = client.post("{ Country(title_le: \"Brazil\", first: 2) { title } }").path("data").path("Country");
        assertThat(upTo.findValuesAsString("title")).containsExactly("Brazil", "Belgium");
        long someTime = items.get(17).path("updated_at").asLong();
        JsonNode exact = client.post("{ Account(updated_at: " + someTime + ") { account_id } }").path("data").path("Account");
        assertThat(exact.findValuesAsString("account_id")).containsExactly(items.get(17).path("account_id").asString());

        JsonNode error = client.post("{ Account(first: -2) { account_id } }");
        assertThat(error.has("data")).isFalse();
        assertThat(error.path("errors").get(0).path("message").asString())
                .isEqualTo("Negative first should be specified only with after option");
        assertThat(error.path("errors").get(0).path("extensions").path("code").asInt()).isEqualTo(400);

        JsonNode page = client.post("{ Account(first: 5) { account_id cursor } }").path("data").path("Account");
        String cursor = page.get(4).path("cursor").asString();
        JsonNode back = client.post("{ Account(first: -3, after: \"" + cursor + "\") { account_id } }")
                .path("data").path("Account");
        assertThat(back).hasSize(3);
        assertThat(back.get(0).path("account_id").asString()).isEqualTo("ACC-00000004");
        assertThat(back.get(2).path("account_id").asString()).isEqualTo("ACC-00000002");
    }

    @Test
    void hardLimitsFailTheWholeRequest() throws Exception {
        JsonNode tooMany = client.post("{ Account(first: 101) { account_id } }");
        assertThat(tooMany.has("data")).isFalse();
        JsonNode error = tooMany.path("errors").get(0);
        assertThat(error.path("message").asString())
                .startsWith("Hard limit for returned rows reached 100 for space \"Account\" plan '")
                .contains("\n        on tuple with primary index [\"ACC-00000101\"]");
        assertThat(error.path("extensions").path("code").asInt()).isEqualTo(500);
        assertThat(client.post("{ Account(first: 100) { account_id } }").path("data").path("Account")).hasSize(100);

        JsonNode admin = client.post("mutation { config { hard_limits(scanned: 60) { scanned returned } } }",
                "schema", "admin");
        assertThat(admin.path("data").path("config").path("hard_limits").path("scanned").asLong()).isEqualTo(60);
        try {
            JsonNode scanFail = client.post("{ Account(all_versions: true, first: 100) { account_id } }");
            assertThat(scanFail.has("data")).isFalse();
            assertThat(scanFail.path("errors").get(0).path("message").asString())
                    .startsWith("Hard limit for scan rows reached 60 for space \"Account\"");
            assertThat(client.post("{ Account(all_versions: true, first: 40) { account_id } }")
                    .path("data").path("Account")).hasSize(40);
            JsonNode read = client.post("{ config { hard_limits { scanned returned } } }", "schema", "admin");
            assertThat(read.path("data").path("config").path("hard_limits").path("returned").asLong()).isEqualTo(100);
        } finally {
            sim.setHardLimits(2000, 100);
        }
        JsonNode clock = client.post("{ cluster { current_version } }", "schema", "admin");
        assertThat(clock.path("data").path("cluster").path("current_version").asLong()).isEqualTo(sim.latestVersion());
    }

    @Test
    void nonIndexFiltersCountEveryScannedTupleAndAsOfScansHistory() throws Exception {
        JsonNode like = client.post("{ Account(customer_name_like: \"%no such person%\") { account_id } }");
        assertThat(like.has("data")).isFalse();
        assertThat(like.path("errors").get(0).path("message").asString())
                .startsWith("Hard limit for scan rows reached 2000 for space \"Account\"")
                .endsWith("on tuple with primary index [\"ACC-00002001\"]");
        JsonNode found = client.post("{ Account(account_id_ge: \"ACC-00000100\", status_like: \"CLOS%\", first: 3) "
                + "{ account_id status } }").path("data").path("Account");
        assertThat(found).hasSize(3);
        found.forEach(i -> assertThat(i.path("status").asString()).isEqualTo("CLOSED"));
        JsonNode ilike = client.post("{ Country(title_ilike: \"rus%\") { title } }").path("data").path("Country");
        assertThat(ilike).hasSize(1);

        // an as-of page reads every version of each object: 100 objects cost ~300 scanned tuples
        long v = sim.latestVersion();
        sim.setHardLimits(250, 100);
        try {
            JsonNode asOf = client.post("{ Account(version: " + v + ", first: 100) { account_id } }");
            assertThat(asOf.path("errors").get(0).path("message").asString())
                    .startsWith("Hard limit for scan rows reached 250");
            assertThat(client.post("{ Account(version: " + v + ", first: 50) { account_id } }")
                    .path("data").path("Account")).hasSize(50);
            assertThat(client.post("{ Account(first: 100) { account_id } }").path("data").path("Account")).hasSize(100);
        } finally {
            sim.setHardLimits(2000, 100);
        }
    }

    @Test
    void envelopeErrorsCarry400WithoutData() throws Exception {
        assertError(client.postBody("{not json"), 400, null);
        assertError(client.postBody("{\"variables\":{}}"), 400, "Body should have 'query' field");
        assertError(client.postBody("{\"query\":\"{ Country { title } }\",\"operationName\":5}"), 400,
                "'operationName' should be string");
        assertError(client.postBody("{\"query\":\"{ Country { title } }\",\"variables\":[1]}"), 400,
                "'variables' should be a dictionary");
        assertError(client.post("{ Country(first: 2 { title } }"), 400, null);
        assertError(client.post("{ Country { no_such_field } }"), 400, null);
        assertError(client.post("{ Country(after: \"!!notacursor\") { title } }"), 500,
                "Failed to decode cursor: \"!!notacursor\"");
        assertError(client.post("{ Country(bucket_id: 3) { title } }"), 500, "Impossible to filter by system field");
    }

    @Test
    void theExplainHeaderFillsQueryPlanWithTheScan() throws Exception {
        String query = "{ Account(first: 2, account_id_gt: \"ACC-00000010\") { account_id __query_plan } }";
        JsonNode explained = client.post(query, "explain", "true").get("data").get("Account");
        assertThat(explained).hasSize(2);
        String plan = explained.get(0).get("__query_plan").asString();
        assertThat(plan).contains("\"iterator\":\"GT\"", "\"scan_value\":\"ACC-00000010\"", "\"first\":2");
        assertThat(explained.get(1).get("__query_plan").asString()).isEqualTo(plan);
        JsonNode plain = client.post(query).get("data").get("Account");
        assertThat(plain).hasSize(2);
        assertThat(plain.get(0).has("__query_plan")).isFalse();
        JsonNode unselected = client.post("{ Account(first: 1) { account_id } }", "explain", "true").get("data")
                .get("Account").get(0);
        assertThat(unselected.get("__query_plan").asString()).contains("\"iterator\":\"GE\"");
    }

    @Test
    void requestIdIsEchoedAndValidated() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> ok = client.raw("{\"query\":\"{ Country(first: 1) { title } }\"}",
                "Authorization", "Bearer demo-tdg-token", "request-id", id);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("request-id")).hasValue(id);
        assertThat(ok.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("matched-stub"));
        HttpResponse<String> bad = client.raw("{\"query\":\"{ Country(first: 1) { title } }\"}",
                "Authorization", "Bearer demo-tdg-token", "request-id", "not-a-uuid");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).startsWith("Malformed http header 'request-id': ");
    }

    @Test
    void variablesCarryVersionsAsNumbersOrStrings() throws Exception {
        long v = sim.latestVersion();
        String body = "{\"query\":\"query q($v: Long, $t: String) { Country(title: $t, version: $v) { phone_code } }\","
                + "\"variables\":{\"v\":" + v + ",\"t\":\"Russia\"}}";
        assertThat(client.postBody(body).path("data").path("Country").get(0).path("phone_code").asString()).isEqualTo("+8");
        String asString = body.replace(":" + v + ",", ":\"" + v + "\",");
        assertThat(client.postBody(asString).path("data").path("Country").get(0).path("phone_code").asString())
                .isEqualTo("+8");
    }

    private static void assertError(JsonNode response, int code, String message) {
        assertThat(response.has("data")).as(response.toString()).isFalse();
        JsonNode error = response.path("errors").get(0);
        assertThat(error.path("extensions").path("code").asInt()).as(response.toString()).isEqualTo(code);
        if (message != null) {
            assertThat(error.path("message").asString()).isEqualTo(message);
        } else {
            assertThat(error.path("message").asString()).isNotBlank();
        }
    }
}
