package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

import tools.jackson.databind.JsonNode;

/** The wire contract over real HTTP against a shared simulator (1500 dossiers, no rate limit). */
class DemarchesSimulatorIntegrationTests {

    private static final String TOKEN = "Bearer " + DemarchesSimulator.demoToken();
    private static final String SINCE = "2023-01-01";

    private static DemarchesSimulator sim;
    private static DemarchesHttp http;

    @BeforeAll
    static void start() {
        sim = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "1500", "seed", "7", "rateLimitPerMinute", "0")));
        sim.start(0);
        http = new DemarchesHttp(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String decode(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }

    @Test
    void aTokenRestrictedToOtherNetworksIsRefusedWithTheRealMessage() {
        try (DemarchesSimulator restricted = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "100",
                "allowedNetworks", "10.0.0.0/8, 192.168.1.7/32")));
             DemarchesSimulator loopback = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "100",
                     "allowedNetworks", "127.0.0.0/8")))) {
            restricted.start(0);
            loopback.start(0);
            DemarchesHttp.Response refused = new DemarchesHttp(restricted.baseUrl())
                    .query(DemarchesHttp.SYNC_LIGHT, vars("demarcheNumber", 1002, "first", 1));
            assertThat(refused.status()).isEqualTo(403);
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("message").asString()).isEqualTo("Request issued from a forbidden network. Add "
                    + "127.0.0.1/32 to your allowed adresses in your /profil");
            assertThat(error.get("extensions").get("code").asString()).isEqualTo("forbidden");
            assertThat(new DemarchesHttp(loopback.baseUrl()).query(DemarchesHttp.SYNC_LIGHT,
                    vars("demarcheNumber", 1002, "first", 1)).status()).isEqualTo(200);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DemarchesSimulator(new SimulatorOptions(
                Map.of("allowedNetworks", "10.0.0.0/33")))).hasMessageContaining("sim.allowedNetworks");
    }

    @Test
    void aStandaloneSimulatorIsToldToExpireItsTokenThroughTheAdminSurface() throws Exception {
        try (DemarchesSimulator standalone = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "100")))) {
            standalone.start(0);
            DemarchesHttp client = new DemarchesHttp(standalone.baseUrl());
            java.net.http.HttpClient admin = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> expire = admin.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(standalone.baseUrl() + "/__admin/sim/token/expire"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(expire.statusCode()).isEqualTo(200);
            DemarchesHttp.Response expired = client.query(DemarchesHttp.SYNC_LIGHT, vars("demarcheNumber", 1002, "first", 1));
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.json().get("errors").get(0).get("message").asString()).isEqualTo("Token expired");
            admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(standalone.baseUrl()
                    + "/__admin/sim/token/renew")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(client.query(DemarchesHttp.SYNC_LIGHT, vars("demarcheNumber", 1002, "first", 1)).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void garbledOrMissingTokenIsForbiddenWithoutPersistedQuery() {
        String body = DemarchesHttp.JSON.writeValueAsString(Map.of("query", DemarchesHttp.SYNC_QUERY,
                "variables", Map.of("demarcheNumber", 1001)));
        String expected = "{\"errors\":[{\"message\":\"Without a token, only persisted queries are allowed\","
                + "\"extensions\":{\"code\":\"forbidden\"}}],\"data\":null}";
        for (String auth : new String[]{"Bearer garbled==", "Bearer " + Base64.getUrlEncoder().encodeToString(
                (TokenRegistry.DEMO_TOKEN_ID + ";wrong").getBytes(StandardCharsets.UTF_8)), null}) {
            DemarchesHttp.Response response = http.post(auth, body);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).isEqualTo(expected);
        }
        assertThat(http.post("Bearer token=" + DemarchesSimulator.demoToken(), body).status()).isEqualTo(200);
    }

    @Test
    void persistedQueryWithoutTokenRunsButSeesNoDemarche() {
        DemarchesHttp.Response response = http.post("Bearer garbled", DemarchesHttp.JSON.writeValueAsString(Map.of(
                "queryId", "ds-query-v2", "operationName", "getDemarche", "variables", Map.of("demarcheNumber", 1001))));
        assertThat(response.status()).isEqualTo(200);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("extensions").get("code").asString()).isEqualTo("unauthorized");
        assertThat(response.json().get("data").isNull()).isTrue();
    }

    @Test
    void demarcheWithoutRightsIsHiddenAndUnknownOneIsNotFound() {
        DemarchesHttp.Response hidden = http.query(DemarchesHttp.SYNC_QUERY, vars("demarcheNumber", 1003));
        assertThat(hidden.status()).isEqualTo(200);
        JsonNode error = hidden.json().get("errors").get(0);
        assertThat(error.get("message").asString()).isEqualTo("An object of type Demarche was hidden due to permissions");
        assertThat(error.get("path").toString()).isEqualTo("[\"demarche\"]");
        assertThat(error.get("locations").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(error.get("extensions").get("code").asString()).isEqualTo("unauthorized");
        assertThat(hidden.json().get("data").isNull()).isTrue();

        JsonNode missing = http.query(DemarchesHttp.SYNC_QUERY, vars("demarcheNumber", 4242)).json();
        assertThat(missing.get("errors").get(0).get("message").asString()).isEqualTo("Demarche not found");
        assertThat(missing.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("not_found");
    }

    @Test
    void pagesThroughEveryVisibleDossierExactlyOnceInBothOrderings() {
        List<Long> expected = sim.visibleDossierNumbers(1001);
        for (String since : new String[]{SINCE, null}) {
            DemarchesHttp.Sync sync = http.syncAll(1001, null, since);
            assertThat(sync.numbers()).doesNotHaveDuplicates();
            assertThat(new HashSet<>(sync.numbers())).isEqualTo(new HashSet<>(expected));
            assertThat(sync.pages()).isEqualTo((expected.size() + 99) / 100 + (expected.size() % 100 == 0 ? 1 : 0));
        }
    }

    @Test
    void pageInfoFlagsFollowTheRealServer() {
        JsonNode first = http.syncPage(1001, 100, null, SINCE);
        assertThat(first.get("nodes").size()).isEqualTo(100);
        assertThat(first.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        assertThat(first.get("pageInfo").get("hasPreviousPage").asBoolean()).isFalse();
        JsonNode second = http.syncPage(1001, 100, first.get("pageInfo").get("endCursor").asString(), SINCE);
        assertThat(second.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();
        assertThat(http.syncPage(1001, 500, null, SINCE).get("nodes").size()).isEqualTo(100);
    }

    @Test
    void emptyLastPageHasNullCursors() {
        DemarchesHttp.Sync sync = http.syncAll(1002, null, SINCE);
        JsonNode empty = http.syncPage(1002, 100, sync.lastCursor(), SINCE);
        assertThat(empty.get("nodes").size()).isZero();
        assertThat(empty.get("pageInfo").get("startCursor").isNull()).isTrue();
        assertThat(empty.get("pageInfo").get("endCursor").isNull()).isTrue();
        assertThat(empty.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
        assertThat(empty.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();
    }

    @Test
    void cursorsAreBase64UrlOfTheOrderColumnAndId() {
        JsonNode page = http.syncPage(1001, 10, null, SINCE);
        JsonNode nodes = page.get("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            String cursor = page.get("edges").get(i).get("cursor").asString();
            assertThat(cursor).doesNotContain("=", "+", "/");
            String plain = decode(cursor);
            assertThat(plain).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z;\\d+");
            assertThat(plain).endsWith(";" + nodes.get(i).get("number").asLong());
            Instant ts = Instant.parse(plain.substring(0, plain.indexOf(';')));
            assertThat(Timestamps.format(ts)).isEqualTo(nodes.get(i).get("dateDerniereModification").asString());
            assertThat(nodes.get(i).get("dateDerniereModification").asString()).matches(".*T\\d\\d:\\d\\d:\\d\\d\\+0[12]:00");
            String id = new String(Base64.getDecoder().decode(nodes.get(i).get("id").asString()), StandardCharsets.UTF_8);
            assertThat(id).isEqualTo("Dossier-" + nodes.get(i).get("number").asLong());
        }
        assertThat(page.get("pageInfo").get("endCursor").asString()).isEqualTo(page.get("edges").get(9).get("cursor").asString());
        // Without updatedSince the cursor carries depose_at.
        JsonNode byDepot = http.syncPage(1001, 1, null, null);
        String plain = decode(byDepot.get("pageInfo").get("endCursor").asString());
        assertThat(Timestamps.format(Instant.parse(plain.substring(0, plain.indexOf(';')))))
                .isEqualTo(byDepot.get("nodes").get(0).get("dateDepot").asString());
    }

    @Test
    void keysetIsStrictAndUpdatedSinceInclusive() {
        JsonNode page = http.syncPage(1001, 20, null, SINCE);
        String cursor5 = page.get("edges").get(5).get("cursor").asString();
        JsonNode after = http.syncPage(1001, 5, cursor5, SINCE);
        assertThat(after.get("nodes").get(0).get("number").asLong()).isEqualTo(page.get("nodes").get(6).get("number").asLong());

        String plain = decode(cursor5);
        Instant ts = Instant.parse(plain.substring(0, plain.indexOf(';')));
        long number = Long.parseLong(plain.substring(plain.indexOf(';') + 1));
        JsonNode inclusive = http.syncPage(1001, 1, null, ts.toString());
        assertThat(inclusive.get("nodes").get(0).get("number").asLong()).isEqualTo(number);
        JsonNode exclusive = http.syncPage(1001, 1, null, ts.plusNanos(1000).toString());
        assertThat(exclusive.get("nodes").get(0).get("number").asLong()).isNotEqualTo(number);
        // A rebuilt cursor "<ts>;0" re-delivers the row at exactly ts.
        JsonNode rewound = http.syncPage(1001, 1, DemarchesSimulator.cursor(ts, 0), SINCE);
        assertThat(rewound.get("nodes").get(0).get("number").asLong()).isEqualTo(number);
    }

    @Test
    void rowsSharingAnUpdatedAtAreOrderedByIdAndNeverSkipped() {
        String query = """
                query($demarcheNumber: Int!, $first: Int, $after: String, $updatedSince: ISO8601DateTime) {
                  demarche(number: $demarcheNumber) { dossiers(first: $first, after: $after, updatedSince: $updatedSince) {
                    pageInfo { hasNextPage endCursor } edges { cursor node { number } } } } }""";
        String after = null;
        String tieFirst = null;
        long tieSecond = -1;
        while (tieFirst == null) {
            JsonNode page = http.page(query, 1001, 100, after, SINCE);
            JsonNode edges = page.get("edges");
            for (int i = 1; i < edges.size() && tieFirst == null; i++) {
                String a = decode(edges.get(i - 1).get("cursor").asString());
                String b = decode(edges.get(i).get("cursor").asString());
                if (a.substring(0, a.indexOf(';')).equals(b.substring(0, b.indexOf(';')))) {
                    tieFirst = edges.get(i - 1).get("cursor").asString();
                    tieSecond = edges.get(i).get("node").get("number").asLong();
                    assertThat(tieSecond).isGreaterThan(edges.get(i - 1).get("node").get("number").asLong());
                }
            }
            assertThat(page.get("pageInfo").get("hasNextPage").asBoolean()).as("the data set has ties").isTrue();
            after = page.get("pageInfo").get("endCursor").asString();
        }
        // Paging one row at a time across the tie delivers the second row of the pair next.
        JsonNode next = http.page(query, 1001, 1, tieFirst, SINCE);
        assertThat(next.get("edges").get(0).get("node").get("number").asLong()).isEqualTo(tieSecond);
    }

    @Test
    void invalidArgumentsAreBadRequests() {
        JsonNode negative = http.query(DemarchesHttp.SYNC_QUERY, vars("demarcheNumber", 1001, "first", -1)).json();
        assertThat(negative.get("errors").get(0).get("message").asString()).isEqualTo("Argument \"first\" must be a non-negative integer");
        assertThat(negative.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("bad_request");
        assertThat(negative.get("errors").get(0).get("path").toString()).isEqualTo("[\"demarche\",\"dossiers\"]");

        JsonNode badCursor = http.query(DemarchesHttp.SYNC_QUERY, vars("demarcheNumber", 1001, "after", "@@not-a-cursor")).json();
        assertThat(badCursor.get("errors").get(0).get("message").asString()).isEqualTo("Invalid input: \"@@not-a-cursor\"");
        String garbage = Base64.getUrlEncoder().withoutPadding().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        JsonNode notACursor = http.query(DemarchesHttp.SYNC_QUERY, vars("demarcheNumber", 1001, "after", garbage)).json();
        assertThat(notACursor.get("errors").get(0).get("message").asString()).isEqualTo("Invalid input: \"" + garbage + "\"");

        String both = "query { demarche(number: 1001) { dossiers(first: 1, last: 1) { nodes { number } } } }";
        assertThat(http.query(both, Map.of()).json().get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("bad_request");
        String afterBefore = "query($c: String) { demarche(number: 1001) { dossiers(after: $c, before: $c) { nodes { number } } } }";
        String c = DemarchesSimulator.cursor(Instant.parse("2025-01-01T00:00:00Z"), 1);
        assertThat(http.query(afterBefore, vars("c", c)).json().get("errors").get(0).get("message").asString()).contains("exclusive");

        JsonNode badDate = http.query(DemarchesHttp.SYNC_QUERY, vars("demarcheNumber", 1001, "updatedSince", "yesterday")).json();
        assertThat(badDate.get("errors").get(0).get("message").asString()).contains("updatedSince");
    }

    @Test
    void variablesMayBeAJsonString() {
        String body = DemarchesHttp.JSON.writeValueAsString(Map.of("query", DemarchesHttp.SYNC_QUERY,
                "variables", "{\"demarcheNumber\":1002,\"first\":3,\"updatedSince\":\"2024-03-01\"}"));
        JsonNode json = http.post(TOKEN, body).json();
        assertThat(json.get("data").get("demarche").get("dossiers").get("nodes").size()).isEqualTo(3);
    }

    @Test
    void transportErrorsUseTheErrorEnvelope() {
        DemarchesHttp.Response unparsable = http.post(TOKEN, "{\"query\": ");
        assertThat(unparsable.status()).isEqualTo(400);
        assertThat(unparsable.json().get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("graphql_parse_failed");
        assertThat(unparsable.json().get("data").isNull()).isTrue();

        sim.injectNext(DemarchesFault.SERVER_ERROR_500);
        DemarchesHttp.Response error = http.query(DemarchesHttp.SYNC_QUERY, vars("demarcheNumber", 1001));
        assertThat(error.status()).isEqualTo(500);
        JsonNode extensions = error.json().get("errors").get(0).get("extensions");
        assertThat(extensions.get("code").asString()).isEqualTo("internal_server_error");
        assertThat(extensions.get("exception_id").asString()).hasSize(36);
        assertThat(http.query(DemarchesHttp.SYNC_QUERY, vars("demarcheNumber", 1001)).status()).isEqualTo(200);

        assertThat(http.get("/api/v2/graphql").status()).isEqualTo(404);
    }

    @Test
    void onlyPostIsRoutedAndNoAnswerCarriesWireMockHeaders() {
        DemarchesHttp.Response get = http.get("/api/v2/graphql");
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.header("Content-Type")).startsWith("text/html");
        assertThat(get.body()).contains("The page you were looking for doesn't exist").doesNotContain("not matched");
        DemarchesHttp.Response post = http.query(DemarchesHttp.SYNC_LIGHT, vars("demarcheNumber", 1002, "first", 1));
        assertThat(post.status()).isEqualTo(200);
        for (DemarchesHttp.Response r : List.of(get, post)) {
            assertThat(r.headers().keySet()).noneMatch(h -> h.toLowerCase().startsWith("matched-stub"));
        }
    }

    @Test
    void persistedGetGroupeInstructeurPagesTheGroupsDossiersOnly() {
        int groupe = DemarchesSimulator.SMALL_DEMARCHE * 10 + 1;
        List<Long> numbers = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = vars("groupeInstructeurNumber", groupe, "includeDossiers", true, "first", 40);
            if (after != null) {
                variables.put("after", after);
            }
            JsonNode answer = http.post(TOKEN, DemarchesHttp.JSON.writeValueAsString(Map.of("queryId", "ds-query-v2",
                    "operationName", "getGroupeInstructeur", "variables", variables))).json();
            assertThat(answer.has("errors")).as(answer.toString()).isFalse();
            JsonNode group = answer.get("data").get("groupeInstructeur");
            assertThat(group.get("number").asInt()).isEqualTo(groupe);
            for (JsonNode node : group.get("dossiers").get("nodes")) {
                assertThat(node.get("groupeInstructeur").get("number").asInt()).isEqualTo(groupe);
                numbers.add(node.get("number").asLong());
            }
            more = group.get("dossiers").get("pageInfo").get("hasNextPage").asBoolean();
            after = group.get("dossiers").get("pageInfo").get("endCursor").asString();
        }
        assertThat(numbers).isNotEmpty().doesNotHaveDuplicates();
        assertThat(sim.visibleDossierNumbers(DemarchesSimulator.SMALL_DEMARCHE)).containsAll(numbers)
                .hasSizeGreaterThan(numbers.size());

        JsonNode unknown = http.query("{ groupeInstructeur(number: 99999) { id } }", Map.of()).json();
        assertThat(unknown.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("not_found");
        JsonNode hidden = http.query("{ groupeInstructeur(number: " + (DemarchesSimulator.FORBIDDEN_DEMARCHE * 10 + 1)
                + ") { id } }", Map.of()).json();
        assertThat(hidden.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("unauthorized");
    }

    @Test
    void parseAndValidationErrorsUseGraphqlRubyWording() {
        JsonNode field = http.query("{ demarche(number: 1002) { titre } }", Map.of()).json().get("errors").get(0);
        assertThat(field.get("message").asString()).isEqualTo("Field 'titre' doesn't exist on type 'Demarche'");
        assertThat(field.get("extensions").get("code").asString()).isEqualTo("undefinedField");
        assertThat(field.get("extensions").get("typeName").asString()).isEqualTo("Demarche");
        JsonNode argument = http.query("{ demarche(number: 1002) { dossiers(premier: 2) { nodes { number } } } }",
                Map.of()).json().get("errors").get(0);
        assertThat(argument.get("message").asString()).isEqualTo("Field 'dossiers' doesn't accept argument 'premier'");
        assertThat(argument.get("extensions").get("code").asString()).isEqualTo("argumentNotAccepted");
        JsonNode syntax = http.query("{ demarche(number: 1002) { id } } }", Map.of()).json().get("errors").get(0);
        assertThat(syntax.get("message").asString()).startsWith("Parse error on \"}\" (RCURLY) at [1, ");
        JsonNode truncated = http.query("{ demarche(number: 1002) { id ", Map.of()).json().get("errors").get(0);
        assertThat(truncated.get("message").asString()).isEqualTo("Unexpected end of document");
    }

    @Test
    void persistedQueries() {
        Map<String, Object> variables = vars("demarcheNumber", 1002, "includeDossiers", true, "first", 5,
                "includePendingDeletedDossiers", true, "includeDeletedDossiers", true);
        JsonNode ok = http.post(TOKEN, DemarchesHttp.JSON.writeValueAsString(Map.of("queryId", "ds-query-v2",
                "operationName", "getDemarche", "variables", variables))).json();
        assertThat(ok.has("errors")).isFalse();
        JsonNode demarche = ok.get("data").get("demarche");
        assertThat(demarche.get("dossiers").get("nodes").size()).isEqualTo(5);
        assertThat(demarche.get("dossiers").get("nodes").get(0).get("demandeur").get("__typename").asString()).isEqualTo("PersonneMorale");
        assertThat(demarche.has("deletedDossiers")).isTrue();
        // The real stored query selects no prefilled, on dossiers or on champs.
        JsonNode node = demarche.get("dossiers").get("nodes").get(0);
        assertThat(node.has("prefilled")).isFalse();
        assertThat(node.get("champs").get(0).has("prefilled")).isFalse();

        JsonNode unknown = http.post(TOKEN, "{\"queryId\":\"ds-query-v9\",\"operationName\":\"getDemarche\",\"variables\":{}}").json();
        assertThat(unknown.get("errors").get(0).get("message").asString()).isEqualTo("No query with id \"ds-query-v9\"");
        assertThat(unknown.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("bad_request");

        JsonNode noOperation = http.post(TOKEN, "{\"queryId\":\"ds-query-v2\",\"variables\":{\"demarcheNumber\":1002}}").json();
        assertThat(noOperation.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("bad_request");
    }

    @Test
    void champsAreTypedAndRealistic() {
        JsonNode node = http.syncPage(1001, 1, null, SINCE).get("nodes").get(0);
        JsonNode champs = node.get("champs");
        assertThat(champs.size()).isBetween(8, 15);
        Set<String> types = new HashSet<>();
        champs.forEach(c -> types.add(c.get("__typename").asString()));
        assertThat(types).contains("TextChamp", "DateChamp", "AddressChamp", "IntegerNumberChamp", "DecimalNumberChamp",
                "CheckboxChamp", "MultipleDropDownListChamp");
        assertThat(node.get("demandeur").get("__typename").asString()).isEqualTo("PersonnePhysique");
        assertThat(node.get("usager").get("email").asString()).contains("@");
    }

    @Test
    void hiddenAndPurgedDossiersMoveToTheirConnections() {
        List<Long> visible = sim.visibleDossierNumbers(1002);
        long hidden = visible.get(0);
        long purged = visible.get(1);
        assertThat(sim.hide(hidden)).isTrue();
        assertThat(sim.purge(purged)).isTrue();
        String query = """
                query($n: Int!) { demarche(number: $n) {
                  dossiers(first: 100) { nodes { number } }
                  pendingDeletedDossiers(first: 100) { pageInfo { endCursor } nodes { id number state reason dateSupression } }
                  deletedDossiers(first: 100) { pageInfo { endCursor } nodes { id number state reason dateSupression } }
                } }""";
        JsonNode demarche = http.query(query, vars("n", 1002)).json().get("data").get("demarche");
        List<Long> listed = new ArrayList<>();
        demarche.get("dossiers").get("nodes").forEach(n -> listed.add(n.get("number").asLong()));
        assertThat(listed).doesNotContain(hidden, purged);
        JsonNode pending = last(demarche.get("pendingDeletedDossiers").get("nodes"));
        assertThat(pending.get("number").asLong()).isEqualTo(hidden);
        JsonNode deleted = last(demarche.get("deletedDossiers").get("nodes"));
        assertThat(deleted.get("number").asLong()).isEqualTo(purged);
        assertThat(deleted.get("reason").asString()).isEqualTo("expired");
        assertThat(new String(Base64.getDecoder().decode(deleted.get("id").asString()), StandardCharsets.UTF_8)).startsWith("DeletedDossier-");
        String plain = decode(demarche.get("deletedDossiers").get("pageInfo").get("endCursor").asString());
        assertThat(plain).endsWith(";" + new String(Base64.getDecoder().decode(deleted.get("id").asString()), StandardCharsets.UTF_8)
                .substring("DeletedDossier-".length()));
        assertThat(sim.pendingDeletedDossierNumbers(1002)).contains(hidden);
        assertThat(sim.deletedDossierNumbers(1002)).contains(purged);

        String since = Timestamps.instant(Timestamps.nanos(Instant.parse(plain.substring(0, plain.indexOf(';'))))).toString();
        JsonNode recent = http.query("query($n: Int!, $s: ISO8601DateTime) { demarche(number: $n) { deletedDossiers(deletedSince: $s) { nodes { number } } } }",
                vars("n", 1002, "s", since)).json().get("data").get("demarche").get("deletedDossiers").get("nodes");
        assertThat(recent.size()).isEqualTo(1);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    @Test
    void touchedDossiersComeBackAfterTheStoredCursor() {
        DemarchesHttp.Sync sync = http.syncAll(1001, null, SINCE);
        List<Long> touched = sim.touchDossiers(DemarchesSimulator.DEFAULT_DEMARCHE, 5);
        long deposited = sim.deposit(1001);
        DemarchesHttp.Sync next = http.syncAll(1001, sync.lastCursor(), SINCE);
        List<Long> expected = new ArrayList<>(touched);
        expected.add(deposited);
        assertThat(next.numbers()).containsExactlyElementsOf(expected);
        assertThat(sim.changedSince(1001, sync.lastCursor())).containsExactlyElementsOf(expected);
    }
}
