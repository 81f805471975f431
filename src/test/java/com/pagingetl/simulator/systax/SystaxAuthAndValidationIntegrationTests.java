package com.pagingetl.simulator.systax;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

class SystaxAuthAndValidationIntegrationTests {

    private static SystaxSimulator simulator;
    private SystaxTestClient client;

    @BeforeAll
    static void start() {
        simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "500", "scenarios", "5", "tokenLifetime", "PT10M")));
        simulator.start(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void newClient() {
        client = new SystaxTestClient(simulator);
    }

    @Test
    void loginWithTheDemoCredentialsIssuesABearerTokenOfTheConfiguredLifetime() {
        SystaxTestClient.Answer answer = client.login("demo", "demo-systax-password");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(answer.json().get("expires_in").longValue()).isEqualTo(600);
        assertThat(answer.json().get("access_token").asString()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void badCredentialsAreRefusedWithTheSystaxEnvelope() {
        SystaxTestClient.Answer answer = client.login("demo", "wrong");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("success").booleanValue()).isFalse();
        assertThat(answer.json().get("message").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void rulesWithoutOrWithAnUnknownTokenAre401() {
        String body = "{\"id_cenario\":1,\"codigo_produto\":1,\"paginacao\":10}";

        SystaxTestClient.Answer none = client.post(simulator.rulesPath(), body, null);
        SystaxTestClient.Answer forged = client.post(simulator.rulesPath(), body, "eyJ.forged.token");

        assertThat(none.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("message").asString()).isEqualTo("Unauthorized");
        assertThat(forged.json().get("success").booleanValue()).isFalse();
    }

    @Test
    void anExpiredTokenIs401UntilTheClientLogsInAgain() {
        client.login("demo", "demo-systax-password");
        assertThat(client.rules(1, 1, 10, "").status()).isEqualTo(200);

        simulator.setClockOffset(Duration.ofMinutes(10).plusSeconds(1));
        SystaxTestClient.Answer expired = client.rules(1, 1, 10, "");

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("detail").asString()).isEqualTo("Token expirado");
        client.login("demo", "demo-systax-password");
        assertThat(client.rules(1, 1, 10, "").status()).isEqualTo(200);
    }

    @Test
    void expireAllTokensInvalidatesEveryIssuedToken() {
        client.login("demo", "demo-systax-password");
        simulator.expireAllTokens();

        assertThat(client.rules(1, 1, 10, "").status()).isEqualTo(401);
    }

    @Test
    void paginacaoOutsideOneToHundredIs400() {
        SystaxTestClient.Answer above = client.rules(1, 1, 101, "");
        SystaxTestClient.Answer zero = client.rules(1, 1, 0, "");

        assertThat(above.status()).isEqualTo(400);
        assertThat(above.json().get("success").booleanValue()).isFalse();
        assertThat(above.json().get("message").asString()).isEqualTo("paginacao deve estar entre 1 e 100");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(client.rules(1, 1, 100, "").status()).isEqualTo(200);
    }

    @Test
    void missingOrInvalidFieldsAre400NamingTheField() {
        assertThat(client.rawRules("{\"codigo_produto\":1,\"paginacao\":10}").json().get("message").asString())
                .contains("id_cenario");
        assertThat(client.rawRules("{\"id_cenario\":1,\"codigo_produto\":\"abc\",\"paginacao\":10}").json().get("message").asString())
                .contains("codigo_produto");
        assertThat(client.rawRules("{\"id_cenario\":1,\"codigo_produto\":1}").json().get("message").asString())
                .contains("paginacao");
        SystaxTestClient.Answer notJson = client.rawRules("not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("success").booleanValue()).isFalse();
    }

    @Test
    void aNonNumericOrFuturePointerIs400() {
        SystaxTestClient.Answer letters = client.rules(1, 1, 10, "abc");
        SystaxTestClient.Answer tooLong = client.rules(1, 1, 10, "1".repeat(51));
        long current = Long.parseLong(simulator.currentPointer());
        SystaxTestClient.Answer future = client.rules(1, 1, 10, Long.toString(current + 1));

        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.json().get("message").asString()).contains("ponteiro_atualizacao");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("message").asString()).contains("maior que o ponteiro atual");
        assertThat(client.rules(1, 1, 10, Long.toString(current)).status()).isEqualTo(200);
    }

    @Test
    void otherPathsAnswer404WithTheEnvelope() {
        SystaxTestClient.Answer answer = client.post("/api/v1/nada", "{}", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("success").booleanValue()).isFalse();
    }

    @Test
    void clientPropertiesPointTheJobAtThisSimulator() {
        assertThat(simulator.clientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "etl.jobs.systax-rules.base-url", simulator.baseUrl(),
                "etl.jobs.systax-rules.username", "demo",
                "etl.jobs.systax-rules.password", "demo-systax-password"));
        assertThat(simulator.describe()).contains(simulator.baseUrl(), "/__admin/sim/advance", "500 rules");
    }
}
