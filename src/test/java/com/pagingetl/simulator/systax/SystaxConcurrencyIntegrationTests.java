package com.pagingetl.simulator.systax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.pagingetl.simulator.SimulatorOptions;

class SystaxConcurrencyIntegrationTests {

    @Test
    void concurrentProcessesEachSeeEveryRuleOnceWhileDataChanges() throws Exception {
        try (SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "1000", "scenarios", "5",
                "changesPerRequest", "3")))) {
            simulator.start(0);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<SystaxTestClient.Pass>> passes = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    passes.add(pool.submit(() -> new SystaxTestClient(simulator).readAll("", 100, simulator::advance)));
                }
                for (Future<SystaxTestClient.Pass> pass : passes) {
                    assertThat(SystaxTestClient.keys(pass.get().records())).hasSizeGreaterThanOrEqualTo(1000).isSorted()
                            .doesNotHaveDuplicates();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(simulator.rulesRequests()).allMatch(RecordedRulesRequest::served);
            assertThat(simulator.epoch()).isGreaterThanOrEqualTo(3 * 10);
        }
    }

    @Test
    void latencyDelaysEveryAnswer() {
        try (SystaxSimulator simulator = new SystaxSimulator(new SimulatorOptions(Map.of("size", "100", "scenarios", "5",
                "latencyMs", "150")))) {
            simulator.start(0);
            SystaxTestClient client = new SystaxTestClient(simulator);
            client.login("demo", "demo-systax-password");

            long started = System.nanoTime();
            assertThat(client.rules(1, 1, 10, "").status()).isEqualTo(200);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
        }
    }
}
