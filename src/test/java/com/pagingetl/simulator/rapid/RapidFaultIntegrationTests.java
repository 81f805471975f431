package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RapidFaultIntegrationTests {

    private static final String URL = "/v3/properties/content?language=en-US&supply_source=expedia&include=name";
    private static RapidSimulator simulator;
    private static RapidHttp http;

    @BeforeAll
    static void start() {
        simulator = new RapidSimulator(new SimulatorOptions(Map.of("size", "1000", "pageSize", "20",
                "retryAfterSeconds", "3")));
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
    }

    @Test
    void jsonErrorFaultsUseTheRealEnvelopes() {
        expectError(RapidFault.SERVER_ERROR_500, 500, "unknown_internal_error");
        expectError(RapidFault.SERVICE_UNAVAILABLE_503, 503, "service_unavailable");
        expectError(RapidFault.BAD_REQUEST_400, 400, "invalid_input");
        expectError(RapidFault.FORBIDDEN_403, 403, "request_unauthorized");
        long before = System.currentTimeMillis();
        RapidHttp.Response limited = expectError(RapidFault.RATE_LIMIT_429, 429, "too_many_requests");
        long after = System.currentTimeMillis();
        // The spec's rate headers and no Retry-After: the reset (epoch ms) is retryAfterSeconds=3 after the answer.
        assertThat(limited.header("Retry-After")).isNull();
        assertThat(limited.header("Rate-Limit-Minute-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(limited.header("Rate-Limit-Minute-Reset"))).isBetween(before + 3000, after + 3000);
        assertThat(limited.json().get("message").asString())
                .isEqualTo("You have reached your capacity for this type of request.");
        assertThat(http.get(URL).status()).isEqualTo(200);
    }

    @Test
    void html502AndNonJson200() {
        simulator.injectNext(RapidFault.HTML_502);
        RapidHttp.Response html = http.get(URL);
        assertThat(html.status()).isEqualTo(502);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).contains("<html>");
        simulator.injectNext(RapidFault.NON_JSON_200);
        RapidHttp.Response text = http.get(URL);
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.header("Content-Type")).startsWith("application/json");
        assertThatThrownBy(text::json).isInstanceOf(RuntimeException.class);
    }

    @Test
    void truncatedGzipCannotBeDecompressed() throws Exception {
        simulator.injectNext(RapidFault.TRUNCATED_GZIP);
        HttpResponse<byte[]> r = http.raw(URL);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThatThrownBy(() -> RapidHttp.gunzip(r.body())).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(RapidHttp.gunzip(http.raw(URL).body())).startsWith("{\"");
    }

    @Test
    void linkFaults() {
        simulator.injectNext(RapidFault.MALFORMED_LINK);
        String malformed = http.get(URL).header("Link");
        assertThat(malformed).doesNotContain(">").doesNotContain("rel=\"next\"");
        simulator.injectNext(RapidFault.FOREIGN_HOST_LINK);
        RapidHttp.Response foreign = http.get(URL);
        assertThat(foreign.next()).startsWith("http://evil.example.test/v3/properties/content?token=");
        assertThat(foreign.header("Link")).contains("rel=\"next\"");
    }

    @Test
    void connectionReset() {
        // Twice: the JDK client sends a GET again, once, when its connection closes before any answer.
        simulator.injectNext(RapidFault.CONNECTION_RESET);
        simulator.injectNext(RapidFault.CONNECTION_RESET);
        assertThatThrownBy(() -> http.get(URL)).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get(URL).status()).isEqualTo(200);
    }

    @Test
    void anAnswerDroppedMidBodyFailsTheExchangeAndTheNextRequestWorks() {
        simulator.injectNext(RapidFault.DROPPED_MID_BODY);
        assertThatThrownBy(() -> http.get(URL)).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get(URL).status()).isEqualTo(200);
    }

    @Test
    void failRequestsAfterAndCounters() {
        int before = simulator.contentRequestCount();
        simulator.failRequestsAfter(2, 503);
        assertThat(http.get(URL).status()).isEqualTo(200);
        assertThat(http.get(URL).status()).isEqualTo(200);
        RapidHttp.Response third = http.get(URL);
        assertThat(third.status()).isEqualTo(503);
        assertThat(third.json().get("type").asString()).isEqualTo("service_unavailable");
        assertThat(http.get("/v3/properties/inactive?since=2020-01-01").status()).isEqualTo(503);
        simulator.clearFaults();
        assertThat(http.get(URL).status()).isEqualTo(200);
        assertThat(simulator.contentRequestCount() - before).isEqualTo(4);
        assertThat(simulator.requestCount("/v3/properties/inactive")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void randomRatesAreApplied() {
        RapidSimulator flaky = new RapidSimulator(new SimulatorOptions(Map.of("size", "100", "errorRate", "0.5",
                "seed", "3")));
        flaky.start(0);
        try {
            RapidHttp client = new RapidHttp(flaky);
            int errors = 0;
            for (int i = 0; i < 40; i++) {
                int status = client.get(URL).status();
                assertThat(status).isIn(200, 500, 503);
                errors += status == 200 ? 0 : 1;
            }
            assertThat(errors).isBetween(8, 32);
        } finally {
            flaky.close();
        }
    }

    @Test
    void adminEndpointsMirrorTheJavaApi() throws Exception {
        assertThat(http.post("/__admin/sim/faults/next?kind=RATE_LIMIT_429").statusCode()).isEqualTo(200);
        assertThat(http.get(URL).status()).isEqualTo(429);
        assertThat(http.post("/__admin/sim/faults/next?kind=NOPE").statusCode()).isEqualTo(400);
        HttpResponse<byte[]> stats = http.raw("/__admin/sim/status");
        assertThat(new String(stats.body(), StandardCharsets.UTF_8)).contains("\"totalActive\":" + simulator.totalActive());
    }

    @Test
    void invalidOptionsAreNamed() {
        assertThatThrownBy(() -> new RapidSimulator(new SimulatorOptions(Map.of("pageSize", "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim.pageSize");
        assertThatThrownBy(() -> new RapidSimulator(new SimulatorOptions(Map.of("linkLifetime", "soon"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim.linkLifetime");
        assertThatThrownBy(() -> new RapidSimulator(new SimulatorOptions(Map.of("errorRate", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim.errorRate");
    }

    private static RapidHttp.Response expectError(RapidFault fault, int status, String type) {
        simulator.injectNext(fault);
        RapidHttp.Response r = http.get(URL);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.json().get("type").asString()).isEqualTo(type);
        return r;
    }
}
