package com.pagingetl.simulator.systax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

class SystaxEpochIntegrationTests {

    private static SystaxSimulator simulator(int epoch) {
        return new SystaxSimulator(new SimulatorOptions(Map.of("size", "5000", "scenarios", "6", "seed", "77", "epoch", Integer.toString(epoch))));
    }

    @Test
    void thePointerOfOneInstanceSelectsExactlyTheLaterBatchesOnAFreshInstanceWithAHigherEpoch() {
        try (SystaxSimulator day1 = simulator(1); SystaxSimulator day3 = simulator(3)) {
            day1.start(0);
            day3.start(0);
            String day1Pointer = new SystaxTestClient(day1).rules(1, 1, 100, "").json().get("ponteiro_atualizacao").asString();

            SystaxTestClient.Pass pass = new SystaxTestClient(day3).readAll(day1Pointer, 100, () -> { });

            assertThat(day1Pointer).isEqualTo(day3.pointerAtEpoch(1));
            List<RuleKey> delivered = SystaxTestClient.keys(pass.records());
            assertThat(delivered).isEqualTo(day3.changedKeysAfter(day1Pointer));
            // Batches change 1% of the rules and add new products (a tenth of that, in 1 to 3 scenarios each).
            assertThat(delivered.size()).isBetween(100, 100 + 30 + 2 * 150);
            assertThat(day3.totalRules()).isGreaterThan(day1.totalRules());
            assertThat(pass.firstPointer()).isEqualTo(day3.currentPointer());
        }
    }

    @Test
    void everyBatchHasHigherSequencesThanTheBaseAndTheEarlierBatches() {
        try (SystaxSimulator simulator = simulator(3)) {
            long base = Long.parseLong(simulator.pointerAtEpoch(0));
            long one = Long.parseLong(simulator.pointerAtEpoch(1));
            long two = Long.parseLong(simulator.pointerAtEpoch(2));
            long three = Long.parseLong(simulator.pointerAtEpoch(3));

            assertThat(base).isEqualTo(5000);
            assertThat(base).isLessThan(one);
            assertThat(one).isLessThan(two);
            assertThat(two).isLessThan(three);
            assertThat(simulator.countChangedAfter(Long.toString(two))).isEqualTo((int) (three - two));
        }
    }

    @Test
    void theSameSeedAndEpochGiveTheSameRulesAndAnotherSeedOtherRules() {
        try (SystaxSimulator a = simulator(2); SystaxSimulator b = simulator(2);
             SystaxSimulator other = new SystaxSimulator(new SimulatorOptions(Map.of("size", "5000", "seed", "78", "epoch", "2")))) {
            List<RuleKey> keys = a.changedKeysAfter("");

            assertThat(b.changedKeysAfter("")).isEqualTo(keys);
            assertThat(a.currentPointer()).isEqualTo(b.currentPointer());
            for (RuleKey key : keys.subList(0, 300)) {
                assertThat(a.ruleJson(key.cenario(), key.produto())).isEqualTo(b.ruleJson(key.cenario(), key.produto()));
            }
            assertThat(other.changedKeysAfter("")).isNotEqualTo(keys);
        }
    }

    @Test
    void advancingARunningInstanceEqualsStartingAFreshOneAtThatEpoch() {
        try (SystaxSimulator running = simulator(1); SystaxSimulator fresh = simulator(2)) {
            String pointer = running.currentPointer();
            running.advance();

            assertThat(running.currentPointer()).isEqualTo(fresh.currentPointer());
            assertThat(running.changedKeysAfter(pointer)).isEqualTo(fresh.changedKeysAfter(pointer));
            assertThat(new HashSet<>(running.changedKeysAfter(""))).isEqualTo(new HashSet<>(fresh.changedKeysAfter("")));
        }
    }
}
