package com.pagingetl.jobs.systax;

import static com.pagingetl.jobs.systax.SystaxRuns.args;
import static com.pagingetl.jobs.systax.SystaxRuns.keys;
import static com.pagingetl.jobs.systax.SystaxRuns.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.systax.RuleKey;
import com.pagingetl.simulator.systax.SystaxSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/**
 * Keyset paging resumes at the pair of the last rule written, whatever changed under it: rules added before
 * and after that position and rules changed on either side between a failure and the same command again. The
 * API's answer for the resumed process is the rules written before the failure, then every rule whose pair is
 * after the position as it is now; what it does not deliver (a rule added before the position, a written rule
 * changed since) comes with the next process, whose pointer is the one this process started with.
 */
class SystaxRulesResumeIntegrationTests {

    @TempDir
    Path home;

    @Test
    void rulesAddedAndChangedAroundTheResumePositionAreNeitherSkippedNorDoubled() {
        SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "1200", "scenarios", "3", "seed", "5")));
        simulator.start(0);
        try (simulator) {
            // given a first process that fails at its sixth page, with commits of 70 rules inside pages of 100
            EtlRun etl = new EtlRun(home, "--etl.jobs.systax-rules.chunk-size=70", "--etl.http.max-attempts=1");
            List<RuleKey> before = simulator.changedKeysAfter("");
            String firstPointer = simulator.currentPointer();
            simulator.failRequestsAfter(5, 500);
            EtlRun.Result failed = etl.run(args(simulator));
            assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);
            List<RuleKey> written = committedKeys(etl.output("systaxRules"));
            assertThat(written).as("seven commits of 70").hasSize(490).isEqualTo(before.subList(0, 490));
            RuleKey position = written.get(written.size() - 1);
            RuleKey firstScenarioLast = lastOfScenario(before, before.get(0).cenario());
            assertThat(position.cenario()).as("the position is past the first scenario").isGreaterThan(firstScenarioLast.cenario());

            // when: a rule added before the position and one after it, one written rule and one unwritten rule changed
            RuleKey addedBefore = new RuleKey(firstScenarioLast.cenario(), firstScenarioLast.produto() + 1000);
            RuleKey addedAfter = new RuleKey(position.cenario(), lastOfScenario(before, position.cenario()).produto() + 1000);
            simulator.addRule(addedBefore.cenario(), addedBefore.produto());
            simulator.addRule(addedAfter.cenario(), addedAfter.produto());
            RuleKey changedWritten = written.get(100);
            RuleKey changedAhead = before.get(800);
            simulator.changeRule(changedWritten.cenario(), changedWritten.produto());
            simulator.changeRule(changedAhead.cenario(), changedAhead.produto());
            simulator.clearFaults();
            EtlRun.Result resumed = etl.run(args(simulator));

            // then the resumed process delivers the written rules, then every rule after the position as it is now
            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            assertThat(resumed.out()).contains("resuming run 1");
            List<RuleKey> expected = new ArrayList<>(written);
            simulator.changedKeysAfter("").stream().filter(k -> k.compareTo(position) > 0).forEach(expected::add);
            List<RuleKey> delivered = keys(published(resumed, ".jsonl.gz"));
            assertThat(delivered).doesNotHaveDuplicates().contains(addedAfter, changedAhead).doesNotContain(addedBefore)
                    .isEqualTo(expected);
            String changedLine = PublishedOutput.lines(published(resumed, ".jsonl.gz")).get(delivered.indexOf(changedAhead));
            assertThat(changedLine).as("the unwritten rule as changed").isEqualTo(compact(simulator.ruleJson(changedAhead.cenario(), changedAhead.produto())));

            // and the next process, sent the first pointer, delivers exactly what changed since: nothing is lost overall
            EtlRun.Result next = etl.run(args(simulator));
            assertThat(next.exitCode()).as("%s", next).isZero();
            assertThat(keys(published(next, ".jsonl.gz"))).isEqualTo(simulator.changedKeysAfter(firstPointer))
                    .contains(addedBefore, addedAfter, changedWritten, changedAhead);
        }
    }

    private static RuleKey lastOfScenario(List<RuleKey> keys, int cenario) {
        return keys.stream().filter(k -> k.cenario() == cenario).reduce((a, b) -> b).orElseThrow();
    }

    /** The simulator renders with the same field order as the API; the job only strips the whitespace. */
    private static String compact(String json) {
        return json.replaceAll("\\s+(?=([^\"]*\"[^\"]*\")*[^\"]*$)", "");
    }

    /** The rules committed to the run's part file, in order. */
    private static List<RuleKey> committedKeys(Path jobDir) {
        return PublishedOutput.records(PublishedOutput.onlyPart(jobDir, "")).stream().map(SystaxRuns::key).toList();
    }
}
