package com.pagingetl.jobs.systax;

import static com.pagingetl.jobs.systax.SystaxRuns.args;
import static com.pagingetl.jobs.systax.SystaxRuns.keys;
import static com.pagingetl.jobs.systax.SystaxRuns.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.systax.RecordedRulesRequest;
import com.pagingetl.simulator.systax.SystaxFault;
import com.pagingetl.simulator.systax.SystaxSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

class SystaxRulesBadInputIntegrationTests {

    @TempDir
    Path home;

    private static SystaxSimulator started(Map<String, String> options) {
        SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(options));
        simulator.start(0);
        return simulator;
    }

    private static List<String> nonBlankLines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void badCredentialsEndTheRunWithOneLineSayingTheLoginWasRefused() throws Exception {
        // given
        try (SystaxSimulator simulator = started(Map.of("size", "300"))) {
            EtlRun etl = new EtlRun(home);

            // when
            EtlRun.Result result = etl.run(args(simulator, "--etl.jobs.systax-rules.password=not-the-Password-42"));

            // then
            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            assertThat(nonBlankLines(result.err())).hasSize(1);
            assertThat(result.lastErrorLine()).startsWith("systaxRules failed").contains("login", "was refused", "HTTP 401",
                    "SYSTAX_PASSWORD");
            String everything = result.out() + result.err() + Files.readString(home.resolve("etl.log"));
            assertThat(everything).doesNotContain("not-the-Password-42").doesNotContain(simulator.password());
            assertThat(simulator.rulesRequestCount()).isZero();
            assertThat(PublishedOutput.files(etl.output("systaxRules"), ".jsonl.gz")).isEmpty();
        }
    }

    @Test
    void aSecond401RightAfterAFreshLoginIsFatal() {
        // given every rules request after the third answers 401
        try (SystaxSimulator simulator = started(Map.of("size", "1000"))) {
            simulator.failRequestsAfter(3, 401);

            // when
            EtlRun.Result result = new EtlRun(home).run(args(simulator));

            // then: one re-login, the same request once more, then a clear failure
            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            assertThat(result.lastErrorLine()).startsWith("systaxRules failed").contains("page 4", "HTTP 401",
                    "fresh login", "SYSTAX_USERNAME");
            assertThat(simulator.loginCount()).isEqualTo(2);
            List<RecordedRulesRequest> requests = simulator.rulesRequests();
            assertThat(requests).extracting(RecordedRulesRequest::status).containsExactly(200, 200, 200, 401, 401);
            assertThat(requests.get(4).codigoProduto()).isEqualTo(requests.get(3).codigoProduto());
        }
    }

    @Test
    void anExpiredTokenMidProcessIsRenewedByALoginWithoutRestartingTheProcess() throws Exception {
        // given a slow simulator, and tokens expired once the process is under way
        try (SystaxSimulator simulator = started(Map.of("size", "3000", "seed", "4", "latencyMs", "40"))) {
            EtlRun etl = new EtlRun(home);
            // Pages of 20: about 150 requests, so a test thread that stalls for seconds after the 5th still expires
            // the tokens while the process reads.
            CompletableFuture<EtlRun.Result> run = CompletableFuture.supplyAsync(() -> etl.run(args(simulator, "paginacao=20")));
            while (simulator.rulesRequestCount() < 5 && !run.isDone()) {
                Thread.sleep(5);
            }
            simulator.expireAllTokens();

            // when
            EtlRun.Result result = run.get(3, TimeUnit.MINUTES);

            // then
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.out()).contains("starting run 1").doesNotContain("resuming");
            assertThat(simulator.loginCount()).isEqualTo(2);
            List<RecordedRulesRequest> requests = simulator.rulesRequests();
            int refused = requests.stream().map(RecordedRulesRequest::status).toList().indexOf(401);
            assertThat(refused).isGreaterThan(0);
            assertThat(requests).filteredOn(r -> r.status() == 401).hasSize(1);
            assertThat(requests.get(refused + 1).codigoProduto()).isEqualTo(requests.get(refused).codigoProduto());
            assertThat(keys(published(result, ".jsonl.gz"))).isEqualTo(simulator.changedKeysAfter(""));
            // tokens are JWT-shaped: their header always encodes to eyJhbGciOi...
            String everything = result.out() + result.err() + Files.readString(home.resolve("etl.log"));
            assertThat(everything).doesNotContain("eyJhbGciOi").doesNotContain(simulator.password());
        }
    }

    @Test
    void htmlGatewayErrorsAreRetriedAndANonJsonPageFailsWithOneClearLineUntilTheSameCommandFinishes() {
        // given two HTML 502 pages from a proxy (retried), then a maintenance page with status 200
        try (SystaxSimulator simulator = started(Map.of("size", "500"))) {
            EtlRun etl = new EtlRun(home);
            simulator.injectNext(SystaxFault.HTML_502);
            simulator.injectNext(SystaxFault.HTML_502);
            simulator.injectNext(SystaxFault.NON_JSON_200);

            // when
            EtlRun.Result failed = etl.run(args(simulator));

            // then
            assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);
            assertThat(nonBlankLines(failed.err())).hasSize(1);
            assertThat(failed.lastErrorLine()).startsWith("systaxRules failed").contains("page 1",
                    "id_cenario 1, codigo_produto 1", "HTTP 200", "not JSON", "HTML page");
            assertThat(simulator.rulesRequests()).extracting(RecordedRulesRequest::status).containsExactly(502, 502, 200);
            assertThat(PublishedOutput.files(etl.output("systaxRules"), ".jsonl.gz")).isEmpty();

            // when the same command runs again
            EtlRun.Result resumed = etl.run(args(simulator));

            // then
            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            assertThat(keys(published(resumed, ".jsonl.gz"))).isEqualTo(simulator.changedKeysAfter(""));
        }
    }

    @Test
    void aGatewayThatKeepsAnsweringWithHtmlFailsAfterTheRetryBudgetNamingTheStatusAndThePage() {
        // given only two attempts per request and two HTML 502 answers
        try (SystaxSimulator simulator = started(Map.of("size", "300"))) {
            simulator.injectNext(SystaxFault.HTML_502);
            simulator.injectNext(SystaxFault.HTML_502);

            // when
            EtlRun.Result result = new EtlRun(home, "--etl.http.max-attempts=2").run(args(simulator));

            // then
            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            assertThat(result.lastErrorLine()).startsWith("systaxRules failed").contains("page 1", "HTTP 502",
                    "502 Bad Gateway", "after 2 attempts").doesNotContain("<html");
        }
    }
}
