package com.pagingetl.simulator.rapid;

import com.pagingetl.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RapidAuthIntegrationTests {

    private static final String URL = "/v3/properties/content?language=en-US&supply_source=expedia&include=property_id";
    private static RapidSimulator simulator;
    private static RapidHttp http;

    @BeforeAll
    static void start() {
        simulator = new RapidSimulator(new SimulatorOptions(Map.of("size", "300", "apiKey", "key-1",
                "sharedSecret", "secret-1", "unauthorizedKeys", "refused-key")));
        simulator.start(0);
        http = new RapidHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void reset() {
        simulator.setClockOffset(Duration.ZERO);
    }

    @Test
    void acceptsAValidSignatureWithAnyKeyNameCase() {
        long ts = Instant.now().getEpochSecond();
        String sig = RapidAuthenticator.sign("key-1", "secret-1", Long.toString(ts));
        assertThat(http.get(URL, "EAN APIKey=key-1,Signature=" + sig + ",timestamp=" + ts, "gzip").status())
                .isEqualTo(200);
        assertThat(http.get(URL, "EAN apikey=key-1,signature=" + sig + ",timestamp=" + ts, "gzip").status())
                .isEqualTo(200);
        assertThat(http.get(URL, "ean APIKEY=key-1, SIGNATURE=" + sig.toUpperCase() + ", Timestamp=" + ts, "gzip")
                .status()).isEqualTo(200);
    }

    @Test
    void rejectsABadSignatureWith401EchoingWhatWasSentButNeverTheSecret() {
        long ts = Instant.now().getEpochSecond();
        String wrong = RapidAuthenticator.sign("key-1", "other-secret", Long.toString(ts));
        RapidHttp.Response r = http.get(URL, "EAN APIKey=key-1,Signature=" + wrong + ",timestamp=" + ts, "gzip");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("EAN ");
        JsonNode body = r.json();
        assertThat(body.get("type").asString()).isEqualTo("request_unauthenticated");
        assertThat(body.get("message").asString()).startsWith("Data required to authenticate your request is missing");
        assertThat(body.get("fields")).hasSize(4);
        assertThat(body.get("fields").get(0).get("name").asString()).isEqualTo("apikey");
        assertThat(body.get("fields").get(0).get("type").asString()).isEqualTo("header");
        assertThat(body.get("fields").get(0).get("value").asString()).isEqualTo("key-1");
        assertThat(body.get("fields").get(1).get("name").asString()).isEqualTo("signature");
        assertThat(body.get("fields").get(1).get("value").asString()).isEqualTo(wrong);
        assertThat(body.get("fields").get(2).get("name").asString()).isEqualTo("timestamp");
        assertThat(body.get("fields").get(2).get("value").asString()).isEqualTo(Long.toString(ts));
        JsonNode server = body.get("fields").get(3);
        assertThat(server.get("name").asString()).isEqualTo("servertimestamp");
        assertThat(server.get("type").asString()).isEqualTo("server");
        assertThat(Long.parseLong(server.get("value").asString())).isCloseTo(ts, org.assertj.core.data.Offset.offset(5L));
        assertThat(r.body()).doesNotContain("secret-1");
    }

    @Test
    void rejectsUnknownKeysMissingHeadersAndGarbage() {
        long ts = Instant.now().getEpochSecond();
        String sig = RapidAuthenticator.sign("other", "secret-1", Long.toString(ts));
        assertThat(http.get(URL, "EAN APIKey=other,Signature=" + sig + ",timestamp=" + ts, "gzip").status()).isEqualTo(401);
        assertThat(http.get(URL, null, "gzip").status()).isEqualTo(401);
        assertThat(http.get(URL, "Bearer abc", "gzip").status()).isEqualTo(401);
        RapidHttp.Response noSignature = http.get(URL, "EAN APIKey=key-1,timestamp=" + ts, "gzip");
        assertThat(noSignature.status()).isEqualTo(401);
        assertThat(noSignature.json().get("fields").get(1).get("value").asString()).isEmpty();
    }

    @Test
    void enforcesTheFiveMinuteWindowAgainstTheServerClock() {
        long now = Instant.now().getEpochSecond();
        assertThat(http.get(URL, RapidAuthenticator.header("key-1", "secret-1", now - 290), "gzip").status())
                .isEqualTo(200);
        assertThat(http.get(URL, RapidAuthenticator.header("key-1", "secret-1", now + 290), "gzip").status())
                .isEqualTo(200);
        assertThat(http.get(URL, RapidAuthenticator.header("key-1", "secret-1", now - 320), "gzip").status())
                .isEqualTo(401);
        simulator.setClockOffset(Duration.ofMinutes(10));
        RapidHttp.Response skewed = http.get(URL, RapidAuthenticator.header("key-1", "secret-1", now), "gzip");
        long answered = Instant.now().getEpochSecond();
        assertThat(skewed.status()).isEqualTo(401);
        long serverTs = Long.parseLong(skewed.json().get("fields").get(3).get("value").asString());
        // Ten minutes ahead of this clock, however long the machine took to answer.
        assertThat(serverTs).isBetween(now + 600, answered + 600);
    }

    @Test
    void aRefusedKeyWithAValidSignatureGets403() {
        RapidHttp.Response r = http.get(URL, RapidAuthenticator.header("refused-key", "secret-1",
                Instant.now().getEpochSecond()), "gzip");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("type").asString()).isEqualTo("request_unauthorized");
        assertThat(r.json().get("message").asString()).isEqualTo("Your request could not be authorized.");
    }

    @Test
    void clientPropertiesPointAtTheSimulator() {
        assertThat(simulator.clientProperties()).containsExactly(
                Map.entry("etl.jobs.rapid-content.base-url", simulator.baseUrl()),
                Map.entry("etl.jobs.rapid-content.api-key", "key-1"),
                Map.entry("etl.jobs.rapid-content.shared-secret", "secret-1"));
        assertThat(simulator.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(simulator.describe()).contains(simulator.baseUrl()).contains("key-1").contains("/__admin/sim/status");
    }
}
