package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RapidContentIntegrationTests {

    private static final String BASE_QUERY = "/v3/properties/content?language=en-US&supply_source=expedia";
    private static RapidSimulator simulator;
    private static RapidHttp http;

    @BeforeAll
    static void start() {
        simulator = new RapidSimulator(new SimulatorOptions(Map.of("size", "4000", "seed", "7", "pageSize", "50",
                "inactiveShare", "0.05")));
        simulator.start(0);
        http = new RapidHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void reset() {
        simulator.clearFaults();
        simulator.setClockOffset(Duration.ZERO);
    }

    @Test
    void answersAGzipMapKeyedByPropertyIdWithRapidHeaders() {
        RapidHttp.Response r = http.get(BASE_QUERY + "&country_code=FR");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.isObject()).isTrue();
        assertThat(body.size()).isEqualTo(50);
        body.properties().forEach(e -> {
            JsonNode p = e.getValue();
            assertThat(p.get("property_id").asString()).isEqualTo(e.getKey());
            assertThat(p.get("address").get("country_code").asString()).isEqualTo("FR");
            assertThat(p.get("ratings").get("guest").get("overall").isString()).isTrue();
            assertThat(p.get("amenities").isObject()).isTrue();
            assertThat(p.get("rooms").isObject()).isTrue();
            assertThat(p.get("images").isArray()).isTrue();
            assertThat(p.get("dates").get("updated").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(p.get("supply_source").asString()).isEqualTo("expedia");
        });
        assertThat(Integer.parseInt(r.header("Pagination-Total-Results")))
                .isEqualTo(simulator.expectedIds(List.of("FR")).size());
        assertThat(r.header("Link")).matches("<" + simulator.baseUrl()
                + "/v3/properties/content\\?token=[A-Za-z0-9_-]+>; rel=\"next\"; expires=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
        assertThat(r.header("Rate-Limit-Minute-Remaining")).isNotNull();
        assertThat(r.raw().headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("matched-stub"));
    }

    @Test
    void followingLinksReturnsEveryPropertyOfTheCountryExactlyOnce() {
        List<String> seen = new ArrayList<>();
        String url = BASE_QUERY + "&country_code=US&include=name";
        int pages = 0;
        Integer total = null;
        String lastBody = null;
        while (url != null) {
            RapidHttp.Response r = http.get(url);
            lastBody = r.body();
            assertThat(r.status()).isEqualTo(200);
            int pageTotal = Integer.parseInt(r.header("Pagination-Total-Results"));
            total = total == null ? pageTotal : total;
            assertThat(pageTotal).isEqualTo(total);
            r.json().properties().forEach(e -> seen.add(e.getKey()));
            url = r.next();
            if (url != null) {
                assertThat(url).doesNotContain("language").doesNotContain("country_code");
            }
            pages++;
        }
        Set<String> expected = simulator.expectedIds(List.of("US"));
        assertThat(seen).hasSize(expected.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(total).isEqualTo(expected.size());
        // By default the last Link leads to an empty page without one (sim.lastPage=empty).
        assertThat(pages).isEqualTo((expected.size() + 49) / 50 + 1);
        assertThat(lastBody).isEqualTo("{}");
        assertThat(simulator.maxTokenServeCount()).isEqualTo(1);
    }

    @Test
    void aTokenCanBeFollowedTwiceAndGivesTheSamePage() {
        String next = http.get(BASE_QUERY + "&country_code=US").next();
        RapidHttp.Response first = http.get(next);
        RapidHttp.Response second = http.get(next);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(simulator.tokenServeCount(next)).isEqualTo(2);
    }

    @Test
    void expiredLinksAnswer410() {
        String next = http.get(BASE_QUERY).next();
        simulator.expireAllLinks();
        RapidHttp.Response r = http.get(next);
        assertThat(r.status()).isEqualTo(410);
        assertThat(r.json().get("type").asString()).isEqualTo("link.expired");
        assertThat(r.json().get("message").asString()).isEqualTo(
                "The link you followed has expired. Please build a new request to restart pagination.");
        // Links issued after the expiry work again.
        assertThat(http.get(http.get(BASE_QUERY).next()).status()).isEqualTo(200);
    }

    @Test
    void linksExpireAfterTheirLifetime() {
        String next = http.get(BASE_QUERY).next();
        simulator.setClockOffset(Duration.ofMinutes(61));
        // The client clock is real time, so stay inside the signature window by moving less than 5 minutes ...
        simulator.setClockOffset(Duration.ofMinutes(4));
        assertThat(http.get(next).status()).isEqualTo(200);
        // ... and sign with the skewed clock when moving past the one-hour lifetime.
        simulator.setClockOffset(Duration.ofMinutes(61));
        String auth = RapidAuthenticator.header(simulator.apiKey(), simulator.sharedSecret(),
                simulator.now().getEpochSecond());
        assertThat(http.get(next, auth, "gzip").status()).isEqualTo(410);
    }

    @Test
    void aTamperedTokenIsRejectedWith400() {
        String next = http.get(BASE_QUERY).next();
        int at = next.indexOf("token=") + 10;
        char c = next.charAt(at);
        String tampered = next.substring(0, at) + (c == 'A' ? 'B' : 'A') + next.substring(at + 1);
        RapidHttp.Response r = http.get(tampered);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("invalid_input");
        assertThat(r.json().get("errors").get(0).get("type").asString()).isEqualTo("link.invalid");
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("Link is invalid.");
        assertThat(http.get(BASE_QUERY.replace("?", "?token=garbage&").split("&language")[0]).status()).isEqualTo(400);
    }

    @Test
    void aTokenDoesNotAcceptOtherParameters() {
        String next = http.get(BASE_QUERY).next();
        RapidHttp.Response r = http.get(next + "&language=en-US");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("type").asString()).isEqualTo("link.invalid");
    }

    @Test
    void languageAndSupplySourceAreValidatedWithNestedErrors() {
        RapidHttp.Response r = http.get("/v3/properties/content?supply_source=expedia");
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = r.json();
        assertThat(body.get("type").asString()).isEqualTo("invalid_input");
        assertThat(body.get("message").asString())
                .isEqualTo("An invalid request was sent in, please check the nested errors for details.");
        assertThat(body.get("errors").get(0).get("type").asString()).isEqualTo("language.required");
        assertThat(body.get("errors").get(0).get("fields").get(0).get("name").asString()).isEqualTo("language");
        assertThat(body.get("errors").get(0).get("fields").get(0).get("type").asString()).isEqualTo("querystring");

        JsonNode both = http.get("/v3/properties/content?language=xXX&supply_source=hotels").json();
        assertThat(both.get("errors")).hasSize(2);
        assertThat(both.get("errors").get(0).get("type").asString()).isEqualTo("language.not_supported");
        assertThat(both.get("errors").get(0).get("fields").get(0).get("value").asString()).isEqualTo("xXX");
        assertThat(both.get("errors").get(1).get("type").asString()).isEqualTo("supply_source.not_supported");

        JsonNode two = http.get("/v3/properties/content?language=en-US&language=fr-FR").json();
        assertThat(two.get("errors").get(0).get("type").asString()).isEqualTo("language.above_maximum");
        assertThat(two.get("errors").get(1).get("type").asString()).isEqualTo("supply_source.required");
    }

    @Test
    void acceptAndUserAgentAreRequiredAsTheOpenApiSays() {
        RapidHttp.Response noAccept = http.send(BASE_QUERY, Map.of("User-Agent", "tests/1.0"));
        assertThat(noAccept.status()).isEqualTo(400);
        assertThat(noAccept.json().get("type").asString()).isEqualTo("invalid_input");
        assertThat(noAccept.json().get("errors").get(0).get("type").asString()).isEqualTo("accept.required");
        RapidHttp.Response xml = http.send(BASE_QUERY, Map.of("Accept", "application/xml", "User-Agent", "tests/1.0"));
        assertThat(xml.json().get("errors").get(0).get("type").asString()).isEqualTo("accept.invalid");
        assertThat(xml.json().get("errors").get(0).get("fields").get(0).get("value").asString())
                .isEqualTo("application/xml");
        RapidHttp.Response noAgent = http.send(BASE_QUERY, Map.of("Accept", "application/json"));
        assertThat(noAgent.status()).isEqualTo(400);
        assertThat(noAgent.json().get("errors").get(0).get("type").asString()).isEqualTo("user_agent.required");
        assertThat(http.send(BASE_QUERY, Map.of("Accept", "application/json", "User-Agent", "TravelNow/3.30.112"))
                .status()).isEqualTo(200);
    }

    @Test
    void amenityAndAttributeValuesAreStringsAsTheOpenApiTypesThem() {
        JsonNode body = http.get(BASE_QUERY + "&include=amenities&include=attributes").json();
        List<JsonNode> values = new ArrayList<>();
        body.values().forEach(p -> {
            p.get("amenities").values().forEach(a -> values.add(a.get("value")));
            p.get("attributes").values().forEach(group -> group.values().forEach(a -> values.add(a.get("value"))));
        });
        assertThat(values).filteredOn(v -> v != null).isNotEmpty().allMatch(JsonNode::isString);
    }

    @Test
    void gzipIsRequired() {
        RapidHttp.Response r = http.get(BASE_QUERY, simulator.authorizationHeader(), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Encoding")).isNull();
        assertThat(r.json().get("errors").get(0).get("type").asString()).isEqualTo("accept_encoding.required");
    }

    @Test
    void categoryFiltersUseOrAndExclusion() {
        Set<String> hotelsOrMotels = ids(BASE_QUERY + "&category_id=1&category_id=2");
        Set<String> all = ids(BASE_QUERY);
        Set<String> notHotels = ids(BASE_QUERY + "&category_id_exclude=1");
        assertThat(hotelsOrMotels).isNotEmpty().isNotEqualTo(ids(BASE_QUERY + "&category_id=1"));
        assertThat(notHotels).isNotEmpty().doesNotContainAnyElementsOf(ids(BASE_QUERY + "&category_id=1"));
        assertThat(all).hasSize(simulator.totalActive());
        assertThat(ids(BASE_QUERY + "&category_id=1").size() + notHotels.size()).isEqualTo(all.size());
        assertThat(ids(BASE_QUERY + "&category_id=31")).isEmpty();
        http.get(BASE_QUERY + "&category_id=1&category_id=2&include=category").json().values().forEach(p ->
                assertThat(p.get("category").get("id").asString()).isIn("1", "2"));
        http.get(BASE_QUERY + "&category_id_exclude=1&category_id_exclude=2&include=category").json().values()
                .forEach(p -> assertThat(p.get("category").get("id").asString()).isNotIn("1", "2"));
        assertThat(hotelsOrMotels).isEqualTo(simulator.expectedIdsForQuery(
                "language=en-US&supply_source=expedia&category_id=1&category_id=2"));
        RapidHttp.Response empty = http.get(BASE_QUERY + "&category_id=31");
        assertThat(empty.body()).isEqualTo("{}");
        assertThat(empty.header("Pagination-Total-Results")).isEqualTo("0");
        assertThat(empty.header("Link")).isNull();
    }

    @Test
    void dateFiltersAreInclusiveUtcDays() {
        LocalDate today = simulator.dataSetDay();
        Map<String, String> updated = field(BASE_QUERY + "&date_updated_start=" + today + "&include=dates", "updated");
        assertThat(updated).isNotEmpty().allSatisfy((id, ts) -> assertThat(ts).startsWith(today.toString()));
        assertThat(updated.keySet()).isEqualTo(simulator.expectedIdsForQuery(
                "language=en-US&supply_source=expedia&date_updated_start=" + today));
        LocalDate day = today.minusDays(30);
        Map<String, String> onDay = field(BASE_QUERY + "&date_updated_start=" + day + "&date_updated_end=" + day
                + "&include=dates", "updated");
        assertThat(onDay).isNotEmpty().allSatisfy((id, ts) -> assertThat(ts).startsWith(day.toString()));
        Map<String, String> added = field(BASE_QUERY + "&date_added_end=2005-12-31&include=dates", "added");
        assertThat(added).isNotEmpty().allSatisfy((id, ts) -> assertThat(ts.compareTo("2006-01-01")).isNegative());
        RapidHttp.Response bad = http.get(BASE_QUERY + "&date_updated_start=2024-13-01");
        assertThat(bad.json().get("errors").get(0).get("type").asString()).isEqualTo("date_updated_start.invalid_date_format");
    }

    @Test
    void includeProjectsFieldsAndAlwaysKeepsPropertyId() {
        JsonNode onlyIds = http.get(BASE_QUERY + "&include=property_id").json();
        onlyIds.values().forEach(p -> assertThat(p.propertyNames()).containsExactly("property_id"));
        JsonNode deprecated = http.get(BASE_QUERY + "&include=property_ids").json();
        deprecated.values().forEach(p -> assertThat(p.propertyNames()).containsExactly("property_id"));
        JsonNode some = http.get(BASE_QUERY + "&include=name&include=address").json();
        some.values().forEach(p -> assertThat(p.propertyNames()).containsExactly("property_id", "name", "address"));
        JsonNode catalog = http.get(BASE_QUERY + "&include=catalog").json();
        catalog.values().forEach(p -> assertThat(PropertyRenderer.CATALOG_FIELDS).containsAll(p.propertyNames()));
        JsonNode full = http.get(BASE_QUERY).json();
        String id = full.propertyNames().iterator().next();
        assertThat(some.get(id).get("name")).isEqualTo(full.get(id).get("name"));
        assertThat(some.get(id).get("address")).isEqualTo(full.get(id).get("address"));
    }

    @Test
    void propertyIdQueriesAreNotPaginated() {
        List<String> wanted = new ArrayList<>(simulator.expectedIds(null)).subList(0, 120);
        StringBuilder url = new StringBuilder(BASE_QUERY + "&include=property_id");
        wanted.forEach(id -> url.append("&property_id=").append(id));
        url.append("&property_id=1");
        RapidHttp.Response r = http.get(url.toString());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Link")).isNull();
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(r.header("Pagination-Total-Results")).isEqualTo("120");

        JsonNode bad = http.get(BASE_QUERY + "&property_id=abc&property_id=12x").json();
        assertThat(bad.get("errors").get(0).get("type").asString()).isEqualTo("property_id.must_be_numeric");
        assertThat(bad.get("errors").get(0).get("fields")).hasSize(2);
        StringBuilder tooMany = new StringBuilder(BASE_QUERY);
        for (int i = 0; i < 251; i++) {
            tooMany.append("&property_id=").append(i + 1);
        }
        RapidHttp.Response over = http.get(tooMany.toString());
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().get("errors").get(0).get("type").asString()).isEqualTo("property_id.above_maximum");
    }

    @Test
    void inactivePropertiesAreListedAndExcludedFromContent() {
        LocalDate since = simulator.dataSetDay().minusDays(400);
        Set<String> expected = simulator.expectedInactiveIds(since);
        assertThat(expected).isNotEmpty();
        List<String> seen = new ArrayList<>();
        String url = "/v3/properties/inactive?since=" + since;
        while (url != null) {
            RapidHttp.Response r = http.get(url);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Pagination-Total-Results")).isEqualTo(Integer.toString(expected.size()));
            r.json().forEach(n -> seen.add(n.get("property_id").asString()));
            url = r.next();
            if (url != null) {
                assertThat(url).contains("/v3/properties/inactive?token=").doesNotContain("since");
            }
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(simulator.expectedIds(null)).doesNotContainAnyElementsOf(expected);

        assertThat(http.get("/v3/properties/inactive").json().get("errors").get(0).get("type").asString())
                .isEqualTo("since.required");
        assertThat(http.get("/v3/properties/inactive?since=23-1-1").json().get("errors").get(0).get("type").asString())
                .isEqualTo("since.invalid_date_format");
        String next = http.get("/v3/properties/inactive?since=2000-01-01").next();
        assertThat(next).isNotNull();
        assertThat(http.get(next + "&since=2000-01-01").json().get("errors").get(0).get("type").asString())
                .isEqualTo("link.invalid");
        assertThat(http.get(next.replace("inactive", "content")).status()).isEqualTo(400);
    }

    @Test
    void mutationsShowUpInIncrementalQueries() {
        LocalDate today = simulator.dataSetDay();
        String id = simulator.expectedIds(List.of("DE")).first();
        simulator.touch(id);
        assertThat(ids(BASE_QUERY + "&date_updated_start=" + today)).contains(id);
        simulator.deactivate(id);
        assertThat(ids(BASE_QUERY + "&country_code=DE")).doesNotContain(id);
        assertThat(simulator.expectedInactiveIds(today)).contains(id);
    }

    @Test
    void catalogFileLinkPointsToAJsonLinesGzipFile() throws Exception {
        RapidHttp.Response r = http.get("/v3/files/properties/catalog?language=en-US&supply_source=expedia");
        assertThat(r.status()).isEqualTo(200);
        JsonNode link = r.json();
        assertThat(link.get("method").asString()).isEqualTo("GET");
        var file = http.raw(link.get("href").asString());
        String[] lines = RapidHttp.gunzip(file.body()).split("\n");
        assertThat(lines).hasSize(simulator.totalActive());
    }

    /** Every id of a query, fetched with {@code include=property_id} to keep the test fast. */
    private static Set<String> ids(String firstUrl) {
        Set<String> out = new HashSet<>();
        String url = firstUrl + "&include=property_id";
        while (url != null) {
            RapidHttp.Response r = http.get(url);
            assertThat(r.status()).isEqualTo(200);
            r.json().propertyNames().forEach(out::add);
            url = r.next();
        }
        return out;
    }

    private static Map<String, String> field(String firstUrl, String dateField) {
        Map<String, String> out = new java.util.HashMap<>();
        String url = firstUrl;
        while (url != null) {
            RapidHttp.Response r = http.get(url);
            r.json().properties().forEach(e -> out.put(e.getKey(), e.getValue().get("dates").get(dateField).asString()));
            url = r.next();
        }
        return out;
    }
}
