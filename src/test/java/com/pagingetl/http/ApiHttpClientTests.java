package com.pagingetl.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

class ApiHttpClientTests {

    private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(300), 0, "paging-etl-test/1.0");

    private WireMockServer server;
    private ApiHttpClient client;
    private String base;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .gzipDisabled(true));
        server.start();
        base = "http://127.0.0.1:" + server.port();
        client = new ApiHttpClient(FAST, URI.create(base + "/v3"));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private ApiResponse send(String pathAndQuery) {
        return client.send("fetch of page 7 of testJob partition US", () -> HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    private void sequence(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "step-" + (i + 1);
            server.stubFor(get(urlPathEqualTo(path)).inScenario("seq").whenScenarioStateIs(state)
                    .willReturn(answers[i]).willSetStateTo(next));
            state = next;
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void retries503ThenSucceeds() {
        sequence("/v3/items", aResponse().withStatus(503).withBody("{\"message\":\"busy\"}"),
                aResponse().withStatus(200).withBody("{\"items\":[]}"));

        ApiResponse response = send("/v3/items?page=2");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("{\"items\":[]}");
        server.verify(2, getRequestedFor(urlPathEqualTo("/v3/items")));
    }

    @Test
    void honoursRetryAfterOn429UpToMaxServerWait() {
        sequence("/v3/items", aResponse().withStatus(429).withHeader("Retry-After", "3600"),
                aResponse().withStatus(200).withBody("ok"));

        // The server asks for an hour: only the cap of 300 ms lets the call end within the hang guard.
        long start = System.nanoTime();
        ApiResponse response = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> send("/v3/items"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.bodyText()).isEqualTo("ok");
        assertThat(elapsedMillis).as("waited maxServerWait 300 ms, not the 5 ms backoff").isGreaterThanOrEqualTo(290);
        server.verify(2, getRequestedFor(urlPathEqualTo("/v3/items")));
    }

    @Test
    void retriesAConnectionReset() {
        sequence("/v3/items", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(200).withBody("ok"));

        assertThat(send("/v3/items").bodyText()).isEqualTo("ok");
        server.verify(2, getRequestedFor(urlPathEqualTo("/v3/items")));
    }

    @Test
    void retriesAnAnswerThatOutlastsTheRequestTimeout() {
        client = new ApiHttpClient(new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(200), 3, Duration.ofMillis(5),
                Duration.ofMillis(20), Duration.ofMillis(300), 0, "paging-etl-test/1.0"), URI.create(base));
        sequence("/v3/items", aResponse().withStatus(200).withBody("late").withFixedDelay(1_000),
                aResponse().withStatus(200).withBody("ok"));

        assertThat(send("/v3/items").bodyText()).isEqualTo("ok");
        server.verify(2, getRequestedFor(urlPathEqualTo("/v3/items")));
    }

    @Test
    void exhaustedAttemptsNameTheOperationAndTheCount() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)
                .withBody("{\"type\":\"service_unavailable\",\"message\":\"try later\"}")));

        assertThatThrownBy(() -> send("/v3/items"))
                .isInstanceOf(ApiCallException.class)
                .hasMessageContaining("fetch of page 7 of testJob partition US failed")
                .hasMessageContaining("HTTP 503 service_unavailable: try later")
                .hasMessageEndingWith("after 3 attempts");
        server.verify(3, getRequestedFor(urlPathEqualTo("/v3/items")));
    }

    @Test
    void exhaustedAttemptsAfterConnectionFaults() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThatThrownBy(() -> send("/v3/items"))
                .isInstanceOf(ApiCallException.class)
                .hasMessageContaining("fetch of page 7")
                .hasMessageContaining("after 3 attempts");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410})
    void nonTransientStatusesAreReturnedWithoutRetry(int status) {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status).withBody("{\"message\":\"no\"}")));

        ApiResponse response = send("/v3/items");

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"no\"}");
        server.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void decodesAGzipBody() throws IOException {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Encoding", "gzip")
                .withBody(gzip("{\"name\":\"Zürich\"}"))));

        assertThat(send("/v3/items").bodyText()).isEqualTo("{\"name\":\"Zürich\"}");
    }

    @Test
    void truncatedGzipBodyIsAnErrorMentioningGzip() throws IOException {
        byte[] whole = gzip("{\"items\":[" + "{\"id\":1},".repeat(200) + "{\"id\":2}]}");
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Encoding", "gzip")
                .withBody(Arrays.copyOf(whole, whole.length / 2))));

        assertThatThrownBy(() -> send("/v3/items"))
                .isInstanceOf(ApiCallException.class)
                .hasMessageContaining("fetch of page 7")
                .hasMessageContaining("gzip")
                .satisfies(e -> assertThat(((ApiCallException) e).status()).isEqualTo(200));
    }

    @Test
    void refusesAnotherPortBeforeSendingAndKeepsTheQueryOutOfTheMessage() {
        URI other = URI.create("http://127.0.0.1:" + (server.port() == 65535 ? 1 : server.port() + 1)
                + "/v3/items?token=SECRET123&apikey=k");

        assertThatThrownBy(() -> client.send("fetch of page 2", () -> HttpRequest.newBuilder(other).GET()))
                .isInstanceOf(ApiCallException.class)
                .hasMessageContaining("refused")
                .hasMessageNotContaining("SECRET123")
                .hasMessageNotContaining("token=")
                .hasMessageNotContaining("?");
    }

    @Test
    void refusesAnotherHostOrSchemeBeforeSending() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)));
        for (String target : new String[] {"http://localhost:" + server.port() + "/v3/items?token=abc",
                "https://127.0.0.1:" + server.port() + "/v3/items"}) {
            assertThatThrownBy(() -> client.send("fetch", () -> HttpRequest.newBuilder(URI.create(target)).GET()))
                    .isInstanceOf(ApiCallException.class)
                    .hasMessageContaining("is not the configured API origin")
                    .hasMessageNotContaining("token=abc");
        }
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void doesNotFollowRedirects() {
        server.stubFor(get(urlPathEqualTo("/v3/items")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", base + "/v3/elsewhere")));
        server.stubFor(get(urlPathEqualTo("/v3/elsewhere")).willReturn(aResponse().withStatus(200)));

        ApiResponse response = send("/v3/items");

        assertThat(response.status()).isEqualTo(302);
        server.verify(0, getRequestedFor(urlPathEqualTo("/v3/elsewhere")));
    }

    @Test
    void sendsUserAgentAndAcceptsGzip() {
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));

        send("/v3/items");

        server.verify(getRequestedFor(urlPathEqualTo("/v3/items"))
                .withHeader("User-Agent", equalTo("paging-etl-test/1.0"))
                .withHeader("Accept-Encoding", equalTo("gzip")));
    }

    @Test
    void buildsAFreshRequestForEveryAttempt() {
        sequence("/v3/items", aResponse().withStatus(500), aResponse().withStatus(502), aResponse().withStatus(200));
        int[] built = {0};

        client.send("fetch", () -> {
            built[0]++;
            return HttpRequest.newBuilder(URI.create(base + "/v3/items")).header("X-Attempt", String.valueOf(built[0])).GET();
        });

        assertThat(built[0]).isEqualTo(3);
        server.verify(getRequestedFor(urlPathEqualTo("/v3/items")).withHeader("X-Attempt", equalTo("3")));
    }

    @Test
    void originIgnoresPathAndDefaultsThePort() {
        assertThat(ApiHttpClient.originOf(URI.create("HTTPS://Api.EAN.com/v3/properties?x=1")))
                .isEqualTo(URI.create("https://api.ean.com:443"));
        ApiHttpClient rapid = new ApiHttpClient(FAST, URI.create("https://api.ean.com/v3"));
        assertThat(rapid.isSameOrigin(URI.create("https://api.ean.com:443/v3/properties/content?token=x"))).isTrue();
        assertThat(rapid.isSameOrigin(URI.create("https://api.ean.com.evil.test/v3"))).isFalse();
        assertThat(rapid.isSameOrigin(URI.create("/v3/relative"))).isFalse();
    }
}
