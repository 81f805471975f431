package com.pagingetl.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.pagingetl.launch.ExitCodes;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.JobRepositoryText;

/**
 * Servers that echo the credentials of the request in their error bodies (a retried 503, then a fatal 400 or
 * 401): no key, secret, password, token or signature reaches the console, etl.log or the job repository.
 */
class EchoedSecretsIntegrationTests {

    private static final String PASSWORD = "Pw-echo-98765";
    private static final String TOKEN = "tok-4f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String API_KEY = "KeyEcho-1234abcd";
    private static final String SHARED_SECRET = "SecretEcho-5678efgh";
    /** A signature, or what is left of one after a message was cut short. */
    private static final String SIGNATURE = "[0-9a-f]{32,}";

    @TempDir
    Path home;

    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    @Test
    void systaxBodiesThatEchoTheSessionTokenAndThePasswordAreRedactedEverywhere() throws Exception {
        // given a login that hands out a token, then rules answers that quote it (with and without "Bearer") and the password
        api.stubFor(post(urlEqualTo("/auth/login")).willReturn(okJson("{\"access_token\":\"" + TOKEN + "\"}")));
        api.stubFor(post(urlEqualTo("/api/v1/regras")).inScenario("echo").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"upstream down for Bearer " + TOKEN + " / senha " + PASSWORD + "\"}"))
                .willSetStateTo("fatal"));
        api.stubFor(post(urlEqualTo("/api/v1/regras")).inScenario("echo").whenScenarioStateIs("fatal")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"token " + TOKEN + " lacks scope (Bearer " + TOKEN + ", senha " + PASSWORD + ")\"}")));
        EtlRun etl = new EtlRun(home);

        // when
        EtlRun.Result result = etl.run("--job=systaxRules", "--etl.jobs.systax-rules.base-url=" + api.baseUrl(),
                "--etl.jobs.systax-rules.username=demo", "--etl.jobs.systax-rules.password=" + PASSWORD,
                "--etl.http.max-attempts=2");

        // then the server's words are there, its secrets are not
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.lastErrorLine()).contains("HTTP 400", "lacks scope", "***");
        String log = Files.readString(home.resolve("etl.log"));
        assertThat(log).contains("attempt 1/2 failed (HTTP 503", "upstream down for Bearer ***");
        assertNoSecret(result.out() + result.err(), "console");
        assertNoSecret(log, "etl.log");
        assertNoSecret(JobRepositoryText.of(etl), "job repository");
    }

    @Test
    void rapidBodiesThatEchoTheAuthorizationHeaderAreRedactedEverywhere() throws Exception {
        // given every request answered with a retried 503, then a 401, both quoting the request's Authorization
        // header whole, and its signature alone
        String echo = "{\"type\":\"request_unauthenticated\",\"message\":\"Bad request {{request.headers.Authorization}};"
                + " signature {{regexExtract request.headers.Authorization '[0-9a-f]{128}'}} rejected\"}";
        api.stubFor(any(anyUrl()).inScenario("echo").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody(echo)
                        .withTransformers("response-template"))
                .willSetStateTo("fatal"));
        api.stubFor(any(anyUrl()).inScenario("echo").whenScenarioStateIs("fatal")
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(echo)
                        .withTransformers("response-template")));
        EtlRun etl = new EtlRun(home);

        // when
        EtlRun.Result result = etl.run("--job=rapidContent", "countries=FR", "concurrency=1",
                "--etl.jobs.rapid-content.base-url=" + api.baseUrl(), "--etl.jobs.rapid-content.api-key=" + API_KEY,
                "--etl.jobs.rapid-content.shared-secret=" + SHARED_SECRET, "--etl.http.max-attempts=2");

        // then
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.lastErrorLine()).contains("HTTP 401", "request_unauthenticated", "***");
        String log = Files.readString(home.resolve("etl.log"));
        assertThat(log).contains("attempt 1/2 failed (HTTP 503");
        assertThat(api.getAllServeEvents()).as("the echo was served")
                .anySatisfy(e -> assertThat(e.getResponse().getBodyAsString()).containsPattern("Signature=[0-9a-f]{128}"));
        assertNoSecret(result.out() + result.err(), "console");
        assertNoSecret(log, "etl.log");
        assertNoSecret(JobRepositoryText.of(etl), "job repository");
    }

    private static void assertNoSecret(String text, String where) {
        assertThat(text).as(where).doesNotContain(PASSWORD, TOKEN, API_KEY, SHARED_SECRET).doesNotContainPattern(SIGNATURE);
    }
}
