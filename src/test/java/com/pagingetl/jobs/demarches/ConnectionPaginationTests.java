package com.pagingetl.jobs.demarches;

import static com.pagingetl.testing.Utf8.text;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.pagingetl.http.ApiCallException;
import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.http.HttpSettings;
import com.pagingetl.paging.Page;
import com.pagingetl.paging.PageToken;
import com.pagingetl.paging.PagedItem;
import com.pagingetl.paging.PagingItemReader;
import com.pagingetl.progress.ProgressMonitor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConnectionPaginationTests {

    private static final String PATH = "/api/v2/graphql";
    private static final String TOKEN = "dGVzdC10b2tlbjtzZWNyZXQ=";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WireMockServer server;
    private DemarchesApi api;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(10),
                Duration.ofMillis(50), Duration.ofSeconds(10), 0, "test");
        URI base = URI.create("http://127.0.0.1:" + server.port());
        api = new DemarchesApi(new ApiHttpClient(settings, base), base, TOKEN);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private ConnectionPagination dossiers(String startCursor) {
        return new ConnectionPagination(api, QueryDocument.load("test", null, DemarchesDocuments.DOSSIERS).check(Connection.DOSSIERS),
                Connection.DOSSIERS, 1001, "2015-01-01", startCursor, 100);
    }

    private void stubAfter(String after, String body) {
        server.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(after == null ? notContaining("\"after\"")
                        : matchingJsonPath("$.variables.after", equalTo(after)))
                .willReturn(okJson(body)));
    }

    private List<JsonNode> requestBodies() {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest r : server.findAll(postRequestedFor(urlEqualTo(PATH)))) {
            bodies.add(JSON.readTree(r.getBodyAsString()));
        }
        return bodies;
    }

    @Test
    void followsEndCursorAndReturnsEachNodeExactlyAsWrittenWithItsOwnCursor() {
        // given two pages
        stubAfter(null, DemarchesStubs.dossiersPage(true, 4242, 4243));
        stubAfter(DemarchesStubs.cursor(4243 % 60, 4243), DemarchesStubs.dossiersPage(false, 4300));
        ConnectionPagination strategy = dossiers(null);

        // when
        Page<byte[]> first = strategy.fetch(strategy.firstPage());
        Page<byte[]> second = strategy.fetch(first.next());

        // then
        assertThat(text(first.items())).containsExactly(DemarchesStubs.node(4242), DemarchesStubs.node(4243));
        assertThat(first.resumeAfter().apply(0)).isEqualTo(PageToken.of("after:" + DemarchesStubs.cursor(4242 % 60, 4242)));
        assertThat(text(second.items())).containsExactly(DemarchesStubs.node(4300));
        assertThat(second.isLast()).isTrue();
        JsonNode request = requestBodies().get(0);
        assertThat(request.path("operationName").asString()).isEqualTo("getDemarcheDossiers");
        assertThat(request.path("variables").toString())
                .isEqualTo("{\"demarcheNumber\":1001,\"first\":100,\"updatedSince\":\"2015-01-01\"}");
        assertThat(server.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void anEmptyLastPageWithANullCursorKeepsTheStoredCursor() {
        // given an incremental run that finds nothing new
        String stored = DemarchesStubs.cursor(7, 99);
        stubAfter(stored, DemarchesStubs.emptyPage("dossiers"));
        PagingItemReader<byte[]> reader = new PagingItemReader<>("reader", "test", dossiers(stored), ProgressMonitor.SILENT, 0);
        ExecutionContext context = new ExecutionContext();

        // when
        reader.open(context);
        PagedItem<byte[]> item = reader.read();
        reader.update(context);

        // then
        assertThat(item).isNull();
        assertThat(context.getString("reader.token")).isEqualTo("after:" + stored);
        assertThat(Cursors.cursor(context.getString("reader.token"))).isEqualTo(stored);
    }

    @Test
    void aCursorThatDoesNotAdvanceEndsWithAClearErrorInsteadOfLooping() {
        // given a server that answers every page with the cursor it was asked after
        String after = DemarchesStubs.cursor(5, 100);
        stubAfter(after, DemarchesStubs.pageWith("dossiers", true, after, ""));

        // when / then
        assertThatThrownBy(() -> dossiers(after).fetch(Cursors.token(after)))
                .isInstanceOf(ApiCallException.class)
                .hasMessageContaining("did not advance")
                .hasMessageContaining("2024-03-01T10:00:05.000000000Z;100");
        assertThat(requestBodies()).hasSize(1);
    }

    @Test
    void aCursorThatGoesBackwardsIsRefused() {
        String after = DemarchesStubs.cursor(30, 100);
        stubAfter(after, DemarchesStubs.pageWith("dossiers", true, DemarchesStubs.cursor(10, 100), ""));

        assertThatThrownBy(() -> dossiers(after).fetch(Cursors.token(after))).hasMessageContaining("did not advance");
    }

    @Test
    void hasNextPageWithoutAnEndCursorIsRefused() {
        stubAfter(null, DemarchesStubs.pageWith("dossiers", true, null, ""));

        assertThatThrownBy(() -> dossiers(null).fetch(PageToken.of(Cursors.START))).hasMessageContaining("gives no endCursor");
    }

    @Test
    void graphqlErrorsFailWithMessageCodeAndPath() {
        stubAfter(null, DemarchesStubs.error("An object of type Demarche was hidden due to permissions", "unauthorized", "\"demarche\""));

        assertThatThrownBy(() -> dossiers(null).fetch(PageToken.of(Cursors.START)))
                .isInstanceOf(ApiCallException.class)
                .hasMessage("GraphQL error unauthorized at demarche 'An object of type Demarche was hidden due to permissions'");
    }

    @Test
    void aTimeoutAsksTheSamePageWithHalfTheSizeThenGrowsBackAfterSuccess() {
        // given: pages of 100 and 50 time out, 25 works
        server.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.variables.first", equalTo("100")))
                .willReturn(okJson(DemarchesStubs.timeout())));
        server.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.variables.first", equalTo("50")))
                .willReturn(okJson(DemarchesStubs.timeout())));
        server.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.variables.first", equalTo("25")))
                .willReturn(okJson(DemarchesStubs.dossiersPage(true, 1, 2))));
        ConnectionPagination strategy = dossiers(null);

        // when
        Page<byte[]> page = strategy.fetch(strategy.firstPage());
        assertThatThrownBy(() -> strategy.fetch(page.next()));

        // then: same position each time, sizes 100, 50, 25, then 50 for the next page
        List<JsonNode> requests = requestBodies();
        assertThat(requests).extracting(r -> r.path("variables").path("first").asInt()).containsExactly(100, 50, 25, 50, 25);
        assertThat(requests.subList(0, 3)).allSatisfy(r -> assertThat(r.path("variables").has("after")).isFalse());
        assertThat(text(page.items())).hasSize(2);
    }

    @Test
    void aPageThatTimesOutEvenWithFirstOneFails() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(DemarchesStubs.timeout())));

        assertThatThrownBy(() -> dossiers(null).fetch(PageToken.of(Cursors.START)))
                .hasMessageContaining("timed out even with first=1")
                .hasMessageContaining("timeout");
        // 100, 50, 25, 12, 6, 3, 1, 1, 1
        assertThat(requestBodies()).hasSize(9);
    }

    @Test
    void http429WithATextBodyWaitsUntilRateLimitResetThenGoesOn() {
        // given a throttled first answer, as Rack::Attack gives it: text body, no Retry-After
        long reset = Instant.now().getEpochSecond() + 2;
        server.stubFor(post(urlEqualTo(PATH)).inScenario("throttle").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "text/plain; charset=utf-8")
                        .withHeader("RateLimit-Remaining", "0").withHeader("RateLimit-Reset", Long.toString(reset))
                        .withBody("Calme toi, cowboy ! … / Calm down, cowboy! You're making too many requests.\n"))
                .willSetStateTo("open"));
        server.stubFor(post(urlEqualTo(PATH)).inScenario("throttle").whenScenarioStateIs("open")
                .willReturn(okJson(DemarchesStubs.dossiersPage(false, 7))));

        // when
        Page<byte[]> page = dossiers(null).fetch(PageToken.of(Cursors.START));

        // then: the retry came no earlier than the reset, which the 10-50 ms backoff alone could not explain
        assertThat(text(page.items())).containsExactly(DemarchesStubs.node(7));
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getLoggedDate().getTime()).isGreaterThanOrEqualTo(reset * 1000 - 20);
    }

    @Test
    void http403OnlyPersistedQueriesSaysTheTokenWasNotRecognised() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody(DemarchesStubs.error("Without a token, only persisted queries are allowed", "forbidden", ""))));

        assertThatThrownBy(() -> dossiers(null).fetch(PageToken.of(Cursors.START)))
                .hasMessageContaining("the API token was not recognised")
                .hasMessageContaining("forbidden: Without a token, only persisted queries are allowed")
                .hasMessageContaining("DEMARCHES_API_TOKEN")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void http401SaysTheTokenExpired() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(DemarchesStubs.error("Token expired", "unauthorized", ""))));

        assertThatThrownBy(() -> dossiers(null).fetch(PageToken.of(Cursors.START)))
                .hasMessageContaining("the API token has expired (HTTP 401 unauthorized: Token expired)");
    }

    @Test
    void anHtmlPageWithStatus200IsAClearError() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>Maintenance en cours</title></head><body>...</body></html>")));

        assertThatThrownBy(() -> dossiers(null).fetch(PageToken.of(Cursors.START)))
                .hasMessageContaining("not a JSON object")
                .hasMessageContaining("Maintenance en cours");
    }

    @Test
    void serverErrorsAreRetried() {
        server.stubFor(post(urlEqualTo(PATH)).inScenario("500").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(500).withBody("{\"errors\":[{\"message\":\"Internal Server Error\"}],\"data\":null}"))
                .willSetStateTo("ok"));
        server.stubFor(post(urlEqualTo(PATH)).inScenario("500").whenScenarioStateIs("ok")
                .willReturn(okJson(DemarchesStubs.dossiersPage(false, 9))));

        assertThat(dossiers(null).fetch(PageToken.of(Cursors.START)).items()).hasSize(1);
    }
}
