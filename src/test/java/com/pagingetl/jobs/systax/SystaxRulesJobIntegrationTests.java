package com.pagingetl.jobs.systax;

import static com.pagingetl.jobs.systax.SystaxRuns.args;
import static com.pagingetl.jobs.systax.SystaxRuns.keys;
import static com.pagingetl.jobs.systax.SystaxRuns.manifest;
import static com.pagingetl.jobs.systax.SystaxRuns.pairsAndPointers;
import static com.pagingetl.jobs.systax.SystaxRuns.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.output.Manifest;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.systax.RecordedRulesRequest;
import com.pagingetl.simulator.systax.RuleKey;
import com.pagingetl.simulator.systax.SystaxSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

class SystaxRulesJobIntegrationTests {

    @TempDir
    Path home;

    private static SystaxSimulator started(Map<String, String> options) {
        SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(options));
        simulator.start(0);
        return simulator;
    }

    @Test
    void theSeedsExampleOf220ChangedRulesTakesRequestsOf100And100And22() {
        // given the seed-example data after its base load: 300 rules in scenario 1 and 40 in scenario 2
        try (SystaxSimulator simulator = started(Map.of("preset", "seed-example", "epoch", "0"))) {
            EtlRun etl = new EtlRun(home);
            EtlRun.Result full = etl.run(args(simulator));
            assertThat(full.exitCode()).as("%s", full).isZero();
            List<RuleKey> all = simulator.changedKeysAfter("");
            List<RecordedRulesRequest> load = simulator.rulesRequests();
            // the full load's fourth page crosses from scenario 1 into scenario 2
            assertThat(pairsAndPointers(load)).containsExactly("1/1|", "1/" + all.get(99).produto() + "|",
                    "1/" + all.get(198).produto() + "|", "1/" + all.get(297).produto() + "|");
            assertThat(load).extracting(RecordedRulesRequest::returned).containsExactly(100, 100, 100, 43);
            assertThat(keys(published(full, ".jsonl.gz"))).isEqualTo(all);
            assertThat(all.subList(297, 340)).extracting(RuleKey::cenario).contains(1, 2);
            assertThat(manifest(full).details()).containsEntry("pointerSent", "").containsEntry("pointerSaved", "340");

            // when batch 1 changes 220 rules of scenario 1 and the next process runs
            simulator.advance();
            simulator.clearRequestLog();
            List<RuleKey> changed = simulator.changedKeysAfter("340");
            EtlRun.Result incremental = etl.run(args(simulator));

            // then: the seed's three requests, only the key moving, the same pointer throughout
            assertThat(incremental.exitCode()).as("%s", incremental).isZero();
            assertThat(changed).hasSize(220).allMatch(k -> k.cenario() == 1);
            List<RecordedRulesRequest> requests = simulator.rulesRequests();
            assertThat(pairsAndPointers(requests)).containsExactly("1/1|340",
                    "1/" + changed.get(99).produto() + "|340", "1/" + changed.get(198).produto() + "|340");
            assertThat(requests).extracting(RecordedRulesRequest::paginacao).containsOnly(100);
            assertThat(requests).extracting(RecordedRulesRequest::returned).containsExactly(100, 100, 22);
            List<RuleKey> written = keys(published(incremental, ".jsonl.gz"));
            assertThat(written).hasSize(220).doesNotHaveDuplicates().isEqualTo(changed);
            Manifest manifest = manifest(incremental);
            assertThat(manifest.records()).isEqualTo(220);
            assertThat(manifest.details()).containsEntry("pointerSent", "340").containsEntry("pointerSaved", "560");
            assertThat(manifest.watermarkBefore()).containsEntry("pointer", "340");
            assertThat(manifest.watermarkAfter()).containsEntry("pointer", "560");
            assertThat(PublishedOutput.leftovers(etl.output("systaxRules"))).isEmpty();
        }
    }

    @Test
    void aLastPageOfExactlyPaginacaoRulesIsFollowedByTheBoundaryOnlyPage() {
        // given 199 rules: 100, then 100 (rules 100..199), then only rule 199
        try (SystaxSimulator simulator = started(Map.of("size", "199", "scenarios", "2", "seed", "5"))) {
            // when
            EtlRun.Result result = new EtlRun(home).run(args(simulator));

            // then
            assertThat(result.exitCode()).as("%s", result).isZero();
            List<RuleKey> all = simulator.changedKeysAfter("");
            assertThat(simulator.rulesRequests()).extracting(RecordedRulesRequest::returned).containsExactly(100, 100, 1);
            assertThat(pairsAndPointers(simulator.rulesRequests())).last()
                    .isEqualTo(all.get(198).cenario() + "/" + all.get(198).produto() + "|");
            assertThat(keys(published(result, ".jsonl.gz"))).hasSize(199).isEqualTo(all);
        }
    }

    @Test
    void rulesChangedWhileAProcessReadsAreDeliveredByTheNextProcess() {
        // given every served page changes 3 random rules
        try (SystaxSimulator simulator = started(Map.of("size", "1500", "scenarios", "3", "seed", "11",
                "changesPerRequest", "3"))) {
            EtlRun etl = new EtlRun(home);
            String firstPointer = simulator.currentPointer();
            EtlRun.Result first = etl.run(args(simulator, "paginacao=50"));
            assertThat(first.exitCode()).as("%s", first).isZero();
            assertThat(keys(published(first, ".jsonl.gz"))).hasSize(1500).doesNotHaveDuplicates().isSorted();
            assertThat(manifest(first).details()).containsEntry("pointerSaved", firstPointer);
            List<RuleKey> changedDuringFirst = simulator.changedKeysAfter(firstPointer);
            assertThat(changedDuringFirst).isNotEmpty();
            simulator.clearRequestLog();
            String secondStart = simulator.currentPointer();

            // when
            EtlRun.Result second = etl.run(args(simulator, "paginacao=50"));

            // then: the second process sends the first process's FIRST pointer and gets every rule changed since
            assertThat(second.exitCode()).as("%s", second).isZero();
            assertThat(simulator.rulesRequests()).extracting(RecordedRulesRequest::ponteiroAtualizacao).containsOnly(firstPointer);
            List<RuleKey> written = keys(published(second, ".jsonl.gz"));
            assertThat(written).doesNotHaveDuplicates().isSorted().containsAll(changedDuringFirst);
            assertThat(simulator.changedKeysAfter(firstPointer)).containsAll(written);
            assertThat(manifest(second).details()).containsEntry("pointerSent", firstPointer)
                    .containsEntry("pointerSaved", secondStart);
        }
    }

    @Test
    void aRunAfterAdvancePublishesExactlyTheChangedRulesAndARunWithoutChangesPublishesNone() {
        // given a completed full load
        try (SystaxSimulator simulator = started(Map.of("size", "2000", "scenarios", "4", "seed", "21"))) {
            EtlRun etl = new EtlRun(home);
            EtlRun.Result full = etl.run(args(simulator));
            assertThat(full.exitCode()).as("%s", full).isZero();
            String pointer = simulator.currentPointer();

            // when the next change batch is applied, then nothing changes
            simulator.advance();
            List<RuleKey> changed = simulator.changedKeysAfter(pointer);
            EtlRun.Result incremental = etl.run(args(simulator));
            simulator.clearRequestLog();
            EtlRun.Result nothing = etl.run(args(simulator));

            // then
            assertThat(incremental.exitCode()).as("%s", incremental).isZero();
            assertThat(keys(published(incremental, ".jsonl.gz"))).isEqualTo(changed);
            Set<RuleKey> added = new HashSet<>(changed);
            assertThat(added).hasSize(changed.size());
            assertThat(manifest(incremental).watermarkAfter()).containsEntry("pointer", simulator.currentPointer());
            assertThat(nothing.exitCode()).as("%s", nothing).isZero();
            assertThat(keys(published(nothing, ".jsonl.gz"))).isEmpty();
            assertThat(pairsAndPointers(simulator.rulesRequests())).containsExactly("1/1|" + simulator.currentPointer());
            assertThat(manifest(nothing).watermarkAfter()).containsEntry("pointer", simulator.currentPointer());
            assertThat(published(nothing, ".jsonl.gz")).isNotEqualTo(published(incremental, ".jsonl.gz"));

            // when a full load is asked for
            EtlRun.Result fullAgain = etl.run(args(simulator, "fullLoad=true"));

            // then every rule comes again, with an empty pointer sent
            assertThat(fullAgain.exitCode()).as("%s", fullAgain).isZero();
            assertThat(keys(published(fullAgain, ".jsonl.gz"))).isEqualTo(simulator.changedKeysAfter(""));
            assertThat(manifest(fullAgain).details()).containsEntry("pointerSent", "")
                    .containsEntry("pointerSaved", simulator.currentPointer());
        }
    }

    @Test
    void paginacaoAboveOneHundredIsRefusedAtStartUpWithExitCode2() {
        // given
        try (SystaxSimulator simulator = started(Map.of("size", "10"))) {
            // when
            EtlRun.Result result = new EtlRun(home).run(args(simulator, "paginacao=101"));

            // then
            assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
            assertThat(result.lastErrorLine()).contains("paginacao=101").contains("from 2 to 100");
            assertThat(simulator.loginCount()).isZero();
            assertThat(simulator.rulesRequestCount()).isZero();
        }
    }

    @Test
    void missingCredentialsAreAUsageErrorNamingTheEnvironmentVariable() {
        // given no password
        try (SystaxSimulator simulator = started(Map.of("size", "10"))) {
            // when
            EtlRun.Result result = new EtlRun(home).run("--job=systaxRules",
                    "--etl.jobs.systax-rules.base-url=" + simulator.baseUrl(), "--etl.jobs.systax-rules.username=demo",
                    "--etl.jobs.systax-rules.password=");

            // then
            assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
            assertThat(result.lastErrorLine()).contains("SYSTAX_PASSWORD");
        }
    }
}
