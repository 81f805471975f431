package com.pagingetl.simulator.systax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

class SystaxFaultsIntegrationTests {

    private static SystaxSimulator simulator;
    private SystaxTestClient client;

    @BeforeAll
    static void start() {
        simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "500", "scenarios", "5", "retryAfterSeconds", "2")));
        simulator.start(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.clearFaults();
        client = new SystaxTestClient(simulator);
        client.login("demo", "demo-systax-password");
    }

    @Test
    void eachInjectedFaultHitsExactlyOneRequestInOrder() {
        simulator.injectNext(SystaxFault.SERVER_ERROR_500);
        simulator.injectNext(SystaxFault.SERVICE_UNAVAILABLE_503);
        simulator.injectNext(SystaxFault.HTML_502);
        simulator.injectNext(SystaxFault.NON_JSON_200);
        simulator.injectNext(SystaxFault.RATE_LIMIT_429);

        SystaxTestClient.Answer e500 = client.rules(1, 1, 10, "");
        SystaxTestClient.Answer e503 = client.rules(1, 1, 10, "");
        SystaxTestClient.Answer e502 = client.rules(1, 1, 10, "");
        SystaxTestClient.Answer html200 = client.rules(1, 1, 10, "");
        SystaxTestClient.Answer e429 = client.rules(1, 1, 10, "");
        SystaxTestClient.Answer ok = client.rules(1, 1, 10, "");

        assertThat(e500.status()).isEqualTo(500);
        assertThat(e500.json().get("success").booleanValue()).isFalse();
        assertThat(e503.status()).isEqualTo(503);
        assertThat(e503.response().headers().firstValue("Retry-After")).hasValue("2");
        assertThat(e502.status()).isEqualTo(502);
        assertThat(e502.body()).startsWith("<html>");
        assertThat(html200.status()).isEqualTo(200);
        assertThat(html200.json()).isNull();
        assertThat(html200.body()).contains("manutencao");
        assertThat(e429.status()).isEqualTo(429);
        assertThat(e429.response().headers().firstValue("Retry-After")).hasValue("2");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("quantidade").intValue()).isEqualTo(10);
    }

    @Test
    void connectionResetFailsTheExchangeAndTheNextRequestWorks() {
        simulator.injectNext(SystaxFault.CONNECTION_RESET);

        assertThatThrownBy(() -> client.rules(1, 1, 10, "")).isInstanceOf(UncheckedIOException.class);
        assertThat(client.rules(1, 1, 10, "").status()).isEqualTo(200);
    }

    @Test
    void injectedTokenExpiryInvalidatesTheTokenUntilANewLogin() {
        simulator.injectNext(SystaxFault.TOKEN_EXPIRED_401);

        SystaxTestClient.Answer expired = client.rules(1, 1, 10, "");
        SystaxTestClient.Answer sameToken = client.rules(1, 1, 10, "");
        client.login("demo", "demo-systax-password");

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("message").asString()).isEqualTo("Unauthorized");
        assertThat(sameToken.status()).isEqualTo(401);
        assertThat(client.rules(1, 1, 10, "").status()).isEqualTo(200);
    }

    @Test
    void failRequestsAfterLetsNRequestsThroughThenFailsAllUntilCleared() {
        int before = simulator.rulesRequestCount();
        simulator.failRequestsAfter(2, 503);

        int[] statuses = new int[4];
        for (int i = 0; i < 4; i++) {
            statuses[i] = client.rules(1, 1, 10, "").status();
        }
        simulator.clearFaults();

        assertThat(statuses).containsExactly(200, 200, 503, 503);
        assertThat(client.rules(1, 1, 10, "").status()).isEqualTo(200);
        assertThat(simulator.rulesRequestCount() - before).isEqualTo(5);
        assertThat(simulator.rulesRequests()).last().extracting(RecordedRulesRequest::served).isEqualTo(true);
    }

    @Test
    void loginsAreCountedAndNeverFailedByInjectedFaults() {
        int before = simulator.loginCount();
        simulator.failRequestsAfter(0, 500);

        assertThat(client.login("demo", "demo-systax-password").status()).isEqualTo(200);
        assertThat(client.rules(1, 1, 10, "").status()).isEqualTo(500);
        assertThat(simulator.loginCount() - before).isEqualTo(1);
    }

    @Test
    void adminAdvanceAppliesTheNextChangeBatchToTheRunningSimulator() throws Exception {
        String before = simulator.currentPointer();
        int epoch = simulator.epoch();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/__admin/sim/advance"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"epoch\":" + (epoch + 1));
        assertThat(simulator.epoch()).isEqualTo(epoch + 1);
        assertThat(simulator.countChangedAfter(before)).isEqualTo(5);
        assertThat(client.readAll(before, 100, () -> { }).records()).hasSize(5);
        HttpResponse<String> status = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/__admin/sim/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.body()).contains("\"epoch\":" + (epoch + 1), "\"ponteiro_atualizacao\":\"" + simulator.currentPointer() + "\"");
    }

    @Test
    void randomRatesFailAboutThatShareOfRequests() {
        try (SystaxSimulator flaky = new SystaxSimulator(new SimulatorOptions(Map.of("size", "200", "scenarios", "5",
                "errorRate", "0.3", "rateLimitRate", "0.2", "seed", "9")))) {
            flaky.start(0);
            SystaxTestClient flakyClient = new SystaxTestClient(flaky);
            int failed = 0;
            for (int i = 0; i < 60; i++) {
                if (flakyClient.rules(1, 1, 5, "").status() != 200) {
                    failed++;
                }
            }
            assertThat(failed).isBetween(15, 45);
        }
    }
}
