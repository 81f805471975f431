package com.pagingetl.jobs.rapid;

import static com.pagingetl.testing.Utf8.text;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.pagingetl.http.ApiCallException;
import com.pagingetl.http.ApiHttpClient;
import com.pagingetl.http.HttpSettings;
import com.pagingetl.paging.Page;
import com.pagingetl.paging.PageToken;
import com.pagingetl.paging.RestartFromFirstPageException;

/** Rapid's Link paging against stubbed answers: what is followed, what starts a slice over, what is refused. */
class LinkPaginationTests {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    private WireMockServer server;
    private LinkPagination pagination;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(1),
                Duration.ofMillis(1), Duration.ofMillis(1), 0, "test/1");
        RapidApi api = new RapidApi(new ApiHttpClient(settings, URI.create(server.baseUrl())),
                new RapidSigner("k", "s", clock), clock);
        pagination = new LinkPagination(api, URI.create(server.baseUrl() + "/v3/properties/content?language=en-US"),
                LinkPagination.Body.OBJECT_BY_ID, "partition FR", clock, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void firstPageRecordsAreTheMapValuesAndTheNextLinkIsKeptUnmodifiedWithItsExpiry() {
        String next = server.baseUrl() + "/v3/properties/content?token=AbC-123_x";
        server.stubFor(get(urlEqualTo("/v3/properties/content?language=en-US")).willReturn(aResponse()
                .withHeader("Link", "<" + next + ">; rel=\"next\"; expires=2026-11-22T07:00:00.123456789Z")
                .withHeader("Pagination-Total-Results", "3")
                .withBody("{\"1\":{\"property_id\":\"1\"},\n \"2\": {\"property_id\": \"2\"}}")));

        Page<byte[]> page = pagination.fetch(pagination.firstPage());

        assertThat(text(page.items())).containsExactly("{\"property_id\":\"1\"}", "{\"property_id\":\"2\"}");
        assertThat(page.total()).hasValue(3);
        assertThat(page.next().value()).isEqualTo("2026-11-22T07:00:00.123456789Z|" + next);
        server.verify(getRequestedFor(urlEqualTo("/v3/properties/content?language=en-US"))
                .withHeader("Authorization", matching("EAN APIKey=k,Signature=[0-9a-f]{128},timestamp=\\d+")));
    }

    @Test
    void lastPageHasNoNextToken() {
        server.stubFor(get(urlEqualTo("/v3/properties/content?token=t")).willReturn(aResponse().withBody("{}")));

        Page<byte[]> page = pagination.fetch(PageToken.of("|" + server.baseUrl() + "/v3/properties/content?token=t"));

        assertThat(text(page.items())).isEmpty();
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void linkPastItsExpiryIsNotFollowedButStartsTheSliceOver() {
        PageToken expired = PageToken.of("2026-11-22T06:00:03Z|" + server.baseUrl() + "/v3/properties/content?token=t");

        assertThatThrownBy(() -> pagination.fetch(expired)).isInstanceOf(RestartFromFirstPageException.class)
                .hasMessageContaining("expired");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void gone410LinkExpiredStartsTheSliceOver() {
        server.stubFor(get(urlEqualTo("/v3/properties/content?token=t")).willReturn(aResponse().withStatus(410)
                .withBody("{\"type\":\"link.expired\",\"message\":\"The link you followed has expired.\"}")));

        assertThatThrownBy(() -> pagination.fetch(PageToken.of("|" + server.baseUrl() + "/v3/properties/content?token=t")))
                .isInstanceOf(RestartFromFirstPageException.class).hasMessageContaining("link.expired");
    }

    @Test
    void nextLinkToAnotherHostIsRefusedAndNeverRequested() {
        server.stubFor(get(urlEqualTo("/v3/properties/content?language=en-US")).willReturn(aResponse()
                .withHeader("Link", "<https://elsewhere.example.test/v3/properties/content?token=t>; rel=\"next\"")
                .withBody("{}")));

        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage())).isInstanceOf(ApiCallException.class)
                .hasMessageContaining("https://elsewhere.example.test").hasMessageContaining("not to the API origin");
    }

    @Test
    void savedLinkOfAnOriginNoLongerConfiguredStartsTheSliceOverWithoutSendingCredentials() {
        PageToken saved = PageToken.of("|http://127.0.0.1:1/v3/properties/content?token=t");

        assertThatThrownBy(() -> pagination.fetch(saved)).isInstanceOf(RestartFromFirstPageException.class)
                .hasMessageContaining("no longer the configured API origin");
    }

    @Test
    void malformedLinkHeaderIsAClearError() {
        server.stubFor(get(urlEqualTo("/v3/properties/content?language=en-US")).willReturn(aResponse()
                .withHeader("Link", "https://no-angle-brackets; rel=next").withBody("{}")));

        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage())).isInstanceOf(ApiCallException.class)
                .hasMessageContaining("Link header of partition FR cannot be followed");
    }

    @Test
    void aPositionIsTheLinkWithoutItsExpirySoTheSameLinkHandedOutAgainIsRecognised() {
        String link = server.baseUrl() + "/v3/properties/content?token=abc";

        assertThat(pagination.position(PageToken.of("2099-01-01T00:00:00Z|" + link)))
                .isEqualTo(pagination.position(PageToken.of("2099-01-02T00:00:00Z|" + link)))
                .isEqualTo(link);
        assertThat(pagination.position(pagination.firstPage()))
                .isEqualTo(server.baseUrl() + "/v3/properties/content?language=en-US");
    }
}
