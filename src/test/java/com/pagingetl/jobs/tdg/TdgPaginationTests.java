package com.pagingetl.jobs.tdg;

import static com.pagingetl.testing.Utf8.text;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.pagingetl.http.ApiCallException;
import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.http.HttpSettings;
import com.pagingetl.paging.Page;
import com.pagingetl.paging.PageToken;

/** TdgPagination and TdgApi against WireMock stubs of TDG's {@code POST /graphql}. */
class TdgPaginationTests {

    private static final String TOKEN = "secret-token-1234";
    private static final String V = "1700000000000000500";
    private static final String V1 = "1700000000000000123";
    private static final String V2 = "1700000000000000456";

    private WireMockServer server;
    private TdgApi api;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        URI graphql = URI.create("http://127.0.0.1:" + server.port() + "/graphql");
        HttpSettings fast = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 2, Duration.ofMillis(5),
                Duration.ofMillis(10), Duration.ofSeconds(1), 0, "test");
        api = new TdgApi(new ApiHttpClient(fast, graphql), graphql, TOKEN);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private TdgPagination pagination(TdgMode mode, String updateField, String since) {
        return new TdgPagination(api, new TdgQuery("Country", "title phone_code cursor version", mode, V, updateField, since),
                100, "Country " + mode.parameter());
    }

    private static MappingBuilder graphql(String bodyPart) {
        return post(urlEqualTo("/graphql")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(containing(bodyPart));
    }

    private void answer(String bodyPart, String json) {
        server.stubFor(graphql(bodyPart).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=utf-8").withBody(json)));
    }

    private static final String PAGE_1 = "{\"data\":{\"Country\":[\n"
            + "  {\"title\":\"Russia\",\"phone_code\":\"+8\",\"cursor\":\"c1\",\"version\":" + V1 + "},\n"
            + "  {\"title\":\"Spain\",\"phone_code\":\"+34\",\"cursor\":\"c2\",\"version\":\"" + V2 + "\"}]}}";

    @Test
    void readsPagesAsOfThePinnedVersionUntilAnEmptyList() {
        // given
        answer("first: 100)", PAGE_1);
        answer("after: \\\"c2\\\"", "{\"data\":{\"Country\":[]}}");
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when
        Page<byte[]> first = pagination.fetch(pagination.firstPage());
        Page<byte[]> second = pagination.fetch(first.next());

        // then the objects are cut out exactly: 19-digit versions keep every digit, as number or as string
        assertThat(text(first.items())).containsExactly(
                "{\"title\":\"Russia\",\"phone_code\":\"+8\",\"cursor\":\"c1\",\"version\":" + V1 + "}",
                "{\"title\":\"Spain\",\"phone_code\":\"+34\",\"cursor\":\"c2\",\"version\":\"" + V2 + "\"}");
        assertThat(first.isLast()).isFalse();
        assertThat(text(second.items())).isEmpty();
        assertThat(second.isLast()).isTrue();
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/graphql")));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getBodyAsString()).contains("Country(version: \\\"" + V + "\\\", first: 100)")
                .contains("title phone_code cursor version");
        assertThat(requests.get(1).getBodyAsString())
                .contains("Country(version: \\\"" + V + "\\\", first: 100, after: \\\"c2\\\")");
    }

    @Test
    void resumeAfterAnObjectIsItsCursor() {
        // given
        server.stubFor(graphql("first: 100)").willReturn(aResponse().withStatus(200).withBody(PAGE_1)));
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when
        Page<byte[]> page = pagination.fetch(pagination.firstPage());

        // then
        assertThat(page.resumeAfter().apply(0)).isEqualTo(PageToken.of("100|1|c1"));
        assertThat(page.next()).isEqualTo(PageToken.of("100|1|c2"));
    }

    @Test
    void historyAndIncrementalReadsKeepTheirFiltersOnEveryPage() {
        // given
        TdgQuery history = new TdgQuery("Account", "account_id cursor version updated_at", TdgMode.HISTORY, V,
                "updated_at", "1700000000000000001");

        // when
        String document = history.document(25, "abc");

        // then the update-field condition comes first so that TDG scans its index
        assertThat(document).isEqualTo("query tdgVersions { Account(updated_at_gt: \"1700000000000000001\", version: \""
                + V + "\", all_versions: true, first: 25, after: \"abc\") { account_id cursor version updated_at } }");
    }

    @Test
    void aHardLimitErrorShrinksThePageAtTheSamePosition() {
        // given
        String hardLimit = "{\"errors\":[{\"message\":\"Hard limit for scan rows reached 2000 for space \\\"Country\\\" plan"
                + " '{}' \\n        on tuple with primary index [\\\"Spain\\\"]\",\"extensions\":{\"code\":500}}]}";
        answer("first: 100, after: \\\"c0\\\"", hardLimit);
        answer("first: 50, after: \\\"c0\\\"", hardLimit);
        answer("first: 25, after: \\\"c0\\\"", PAGE_1);
        TdgPagination pagination = pagination(TdgMode.HISTORY, null, null);

        // when
        Page<byte[]> page = pagination.fetch(TdgPagination.token(100, 3, "c0"));

        // then
        assertThat(text(page.items())).hasSize(2);
        assertThat(page.next()).isEqualTo(PageToken.of("25|1|c2"));
        server.verify(1, postRequestedFor(urlEqualTo("/graphql")).withRequestBody(containing("first: 100")));
        server.verify(1, postRequestedFor(urlEqualTo("/graphql")).withRequestBody(containing("first: 50")));
        server.verify(1, postRequestedFor(urlEqualTo("/graphql")).withRequestBody(containing("first: 25")));
    }

    @Test
    void aShrunkPageGrowsBackAfterSomePages() {
        // given
        answer("first: 25", PAGE_1);
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when
        Page<byte[]> page = pagination.fetch(TdgPagination.token(25, TdgPagination.GROW_AFTER - 1, "c0"));

        // then
        assertThat(page.next()).isEqualTo(PageToken.of("50|0|c2"));
    }

    @Test
    void aPageOfOneThatStillHitsTheHardLimitEndsTheRunWithTheGridsMessage() {
        // given
        answer("first: ", "{\"errors\":[{\"message\":\"Hard limit for returned rows reached 1 for space \\\"Country\\\"\","
                + "\"extensions\":{\"code\":500}}]}");
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then
        assertThatThrownBy(() -> pagination.fetch(TdgPagination.token(4, 0, "c0")))
                .isInstanceOf(ApiCallException.class)
                .hasMessageContaining("even for a page of one object")
                .hasMessageContaining("Hard limit for returned rows reached 1 for space \"Country\"");
        for (int first : new int[] {4, 2, 1}) {
            server.verify(1, postRequestedFor(urlEqualTo("/graphql")).withRequestBody(containing("first: " + first + ",")));
        }
    }

    @Test
    void otherGraphqlErrorsEndTheReadAtOnce() {
        // given
        answer("first: ", "{\"errors\":[{\"message\":\"Failed to decode cursor: \\\"zz\\\"\",\"extensions\":{\"code\":500}}]}");
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then
        assertThatThrownBy(() -> pagination.fetch(TdgPagination.token(100, 0, "zz")))
                .isInstanceOf(TdgGraphqlException.class)
                .hasMessageContaining("TDG error 500: Failed to decode cursor: \"zz\"");
        server.verify(1, postRequestedFor(urlEqualTo("/graphql")));
    }

    @Test
    void aServerSideGraphqlErrorIsAskedAgainThenTheReadContinues() {
        // given: the grid fails once with its code-500 envelope, then answers
        server.stubFor(graphql("first: 100)").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody(
                        "{\"errors\":[{\"message\":\"Storage timed out\",\"extensions\":{\"code\":500}}]}"))
                .willSetStateTo("recovered"));
        server.stubFor(graphql("first: 100)").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody(PAGE_1)));
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when
        Page<byte[]> page = pagination.fetch(pagination.firstPage());

        // then
        assertThat(text(page.items())).hasSize(2);
        server.verify(2, postRequestedFor(urlEqualTo("/graphql")));
    }

    @Test
    void aServerSideGraphqlErrorThatPersistsEndsTheReadAfterThreeAttempts() {
        // given
        answer("first: ", "{\"errors\":[{\"message\":\"Storage timed out\",\"extensions\":{\"code\":500}}]}");
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then
        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage()))
                .hasMessageContaining("TDG error 500: Storage timed out");
        server.verify(TdgPagination.GRAPHQL_ATTEMPTS, postRequestedFor(urlEqualTo("/graphql")));
    }

    @Test
    void a401WithItsPlainTextBodyNamesTheTokenSettingButNotTheToken() {
        // given
        server.stubFor(post(urlEqualTo("/graphql")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json;charset=utf-8").withBody("invalid credentials")));
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then
        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage()))
                .isInstanceOf(ApiCallException.class)
                .hasMessageContaining("HTTP 401 (invalid credentials)")
                .hasMessageContaining("TDG_TOKEN")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void anHtmlPageInsteadOfJsonIsAClearError() {
        // given
        server.stubFor(post(urlEqualTo("/graphql")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><title>502 Bad Gateway</title></html>")));
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then
        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage()))
                .hasMessageContaining("not JSON (HTML page '502 Bad Gateway')");
    }

    @Test
    void malformedJsonIsAClearError() {
        // given
        answer("first: ", "{\"data\":{\"Country\":[{\"title\":");
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then
        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage())).hasMessageContaining("not JSON");
    }

    @Test
    void anAnswerWithoutDataOrWithoutTheTypesListIsAnError() {
        // given
        answer("first: 100)", "{}");
        answer("first: 100, after", "{\"data\":{\"Other\":[]}}");
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then
        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage())).hasMessageContaining("neither data nor errors");
        assertThatThrownBy(() -> pagination.fetch(TdgPagination.token(100, 0, "c")))
                .hasMessageContaining("no list data.Country");
    }

    @Test
    void aPageBesideAnEmptyErrorsListIsReadLikeAnyOther() {
        // given
        answer("first: ", "{\"errors\":[],\"data\":{\"Country\":[{\"title\":\"A\",\"cursor\":\"c1\",\"version\":1}]}}");
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when
        Page<byte[]> page = pagination.fetch(pagination.firstPage());

        // then
        assertThat(text(page.items())).containsExactly("{\"title\":\"A\",\"cursor\":\"c1\",\"version\":1}");
    }

    @Test
    void aCursorThatDoesNotAdvanceIsAnError() {
        // given
        answer("after: \\\"c2\\\"", PAGE_1);
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then
        assertThatThrownBy(() -> pagination.fetch(TdgPagination.token(100, 0, "c2")))
                .hasMessageContaining("the cursor does not advance");
    }

    @Test
    void anObjectNewerThanThePinnedVersionMeansTheGridIgnoredTheSnapshot() {
        // given
        answer("first: ", "{\"data\":{\"Country\":[{\"title\":\"A\",\"cursor\":\"c1\",\"version\":1700000000000000501}]}}");
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then: 501 > 500 although both are the same double
        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage()))
                .hasMessageContaining("version 1700000000000000501, newer than the run's version " + V);
    }

    @Test
    void aVersionThatLostItsDigitsToFloatingPointIsRefused() {
        // given
        answer("first: ", "{\"data\":{\"Country\":[{\"title\":\"A\",\"cursor\":\"c1\",\"version\":1.7E18}]}}");
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then
        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage())).hasMessageContaining("not an exact integer");
    }

    @Test
    void anObjectWithoutCursorIsAnError() {
        // given
        answer("first: ", "{\"data\":{\"Country\":[{\"title\":\"A\",\"version\":1}]}}");
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        // when / then
        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage())).hasMessageContaining("has no cursor");
    }

    @Test
    void aPositionIsTheCursorAloneSoACycleIsSeenWhateverThePageSize() {
        TdgPagination pagination = pagination(TdgMode.SNAPSHOT, null, null);

        assertThat(pagination.position(TdgPagination.token(100, 3, "cur-A")))
                .isEqualTo(pagination.position(TdgPagination.token(25, 0, "cur-A")))
                .isNotEqualTo(pagination.position(TdgPagination.token(100, 3, "cur-B")));
        assertThat(pagination.position(pagination.firstPage())).isEmpty();
    }
}
