package com.pagingetl.jobs.systax;

import static com.pagingetl.jobs.systax.SystaxRuns.args;
import static com.pagingetl.jobs.systax.SystaxRuns.keys;
import static com.pagingetl.jobs.systax.SystaxRuns.manifest;
import static com.pagingetl.jobs.systax.SystaxRuns.published;
import static com.pagingetl.jobs.systax.SystaxRuns.watermarks;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.output.Manifest;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.systax.RecordedRulesRequest;
import com.pagingetl.simulator.systax.RuleKey;
import com.pagingetl.simulator.systax.SystaxSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

class SystaxRulesRestartIntegrationTests {

    @TempDir
    Path home;

    private static SystaxSimulator started(Map<String, String> options) {
        SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(options));
        simulator.start(0);
        return simulator;
    }

    @Test
    void aRunFailedPartWayResumesAfterItsLastCommitWithThePointerItStartedWithAndKeepsItsFirstPointer() throws Exception {
        // given a first, full-load process (pointer "") that fails after 10 pages, with commits every 150 rules
        try (SystaxSimulator simulator = started(Map.of("size", "2500", "scenarios", "4", "seed", "8"))) {
            EtlRun etl = new EtlRun(home, "--etl.jobs.systax-rules.chunk-size=150");
            List<RuleKey> all = simulator.changedKeysAfter("");
            String firstPointer = simulator.currentPointer();
            simulator.failRequestsAfter(10, 500);

            // when
            EtlRun.Result failed = etl.run(args(simulator));

            // then: one clear line, nothing published, no watermark
            assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);
            assertThat(failed.err().lines().filter(l -> !l.isBlank())).hasSize(1);
            assertThat(failed.lastErrorLine()).startsWith("systaxRules failed").contains("page 11",
                    "id_cenario", "codigo_produto", "HTTP 500", "run the same command again");
            assertThat(PublishedOutput.files(etl.output("systaxRules"), ".jsonl.gz")).isEmpty();
            assertThat(PublishedOutput.files(etl.output("systaxRules"), ".manifest.json")).isEmpty();
            assertThat(watermarks(etl)).isEmpty();

            // given rules change before the restart, which moves the API's current pointer
            simulator.clearFaults();
            simulator.changeRules(7);
            simulator.clearRequestLog();

            // when the same command runs again
            EtlRun.Result resumed = etl.run(args(simulator));

            // then: it resumes after rule 900 (six commits of 150) with the pointer the process started with
            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            assertThat(resumed.out()).contains("resuming run 1");
            List<RecordedRulesRequest> requests = simulator.rulesRequests();
            RuleKey lastCommitted = all.get(899);
            assertThat(requests.get(0).idCenario()).isEqualTo(lastCommitted.cenario());
            assertThat(requests.get(0).codigoProduto()).isEqualTo(lastCommitted.produto());
            assertThat(requests).extracting(RecordedRulesRequest::ponteiroAtualizacao).containsOnly("");
            assertThat(requests.size()).isLessThanOrEqualTo(26 - 9);
            assertThat(keys(published(resumed, ".jsonl.gz"))).isEqualTo(all);
            Manifest manifest = manifest(resumed);
            assertThat(manifest.jobExecutionIds()).hasSize(2);
            assertThat(manifest.details()).containsEntry("pointerSent", "").containsEntry("pointerSaved", firstPointer);
            assertThat(manifest.watermarkAfter()).containsEntry("pointer", firstPointer);
            assertThat(watermarks(etl)).containsEntry("pointer", firstPointer);
            assertThat(PublishedOutput.leftovers(etl.output("systaxRules"))).isEmpty();

            // when the next process runs, it sends that first pointer and gets the rules changed before the restart
            simulator.clearRequestLog();
            EtlRun.Result next = etl.run(args(simulator));

            // then
            assertThat(next.exitCode()).as("%s", next).isZero();
            assertThat(simulator.rulesRequests()).extracting(RecordedRulesRequest::ponteiroAtualizacao).containsOnly(firstPointer);
            assertThat(keys(published(next, ".jsonl.gz"))).hasSize(7).isEqualTo(simulator.changedKeysAfter(firstPointer));
        }
    }

    @Test
    void killMinus9InTheMiddleOfAProcessThenTheSameCommandLosesAndDoublesNothing() throws Exception {
        // given a child JVM reading a slow simulator, credentials from the environment
        try (SystaxSimulator simulator = started(Map.of("size", "4000", "scenarios", "5", "seed", "13", "latencyMs", "30"))) {
            EtlRun etl = new EtlRun(home, "--etl.jobs.systax-rules.chunk-size=200");
            Map<String, String> env = Map.of("SYSTAX_BASE_URL", simulator.baseUrl(), "SYSTAX_USERNAME", simulator.username(),
                    "SYSTAX_PASSWORD", simulator.password());
            List<RuleKey> all = simulator.changedKeysAfter("");
            String firstPointer = simulator.currentPointer();
            // Pages of 20: the run needs about 200 requests, so a test thread that stalls for seconds after the 15th
            // still finds the child reading.
            Process child = etl.start(env, "--job=systaxRules", "paginacao=20");
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (simulator.rulesRequestCount() < 15 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("the child is still reading when killed").isTrue();

            // when
            EtlRun.kill9(child);
            int servedBeforeKill = simulator.rulesRequestCount();
            simulator.clearRequestLog();
            EtlRun.Result resumed = etl.runChild(env, "--job=systaxRules", "paginacao=20");

            // then
            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            assertThat(servedBeforeKill).as("killed long before its last page").isLessThan(150);
            assertThat(simulator.rulesRequests().get(0).codigoProduto()).as("resumed, not restarted from (1, 1)").isNotEqualTo(1);
            assertThat(simulator.rulesRequests()).extracting(RecordedRulesRequest::ponteiroAtualizacao).containsOnly("");
            assertThat(keys(published(resumed, ".jsonl.gz"))).hasSize(4000).isEqualTo(all);
            assertThat(manifest(resumed).details()).containsEntry("pointerSaved", firstPointer);
            assertThat(PublishedOutput.leftovers(etl.output("systaxRules"))).isEmpty();
        }
    }
}
