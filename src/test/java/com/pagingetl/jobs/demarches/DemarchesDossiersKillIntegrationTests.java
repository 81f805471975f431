package com.pagingetl.jobs.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.demarches.DemarchesSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

class DemarchesDossiersKillIntegrationTests {

    @TempDir
    Path home;

    @Test
    void killedTwiceWithMinus9ThenTheSameCommandPublishesEveryDossierExactlyOnce() throws Exception {
        // given: commits of 30 records, so that kills land in the middle of pages
        try (DemarchesSimulator sim = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "2000", "rateLimitPerMinute", "0")));
             FaultProxy proxy = startProxy(sim)) {
            DemarchesRuns job = new DemarchesRuns(new EtlRun(home, "--etl.jobs.demarches-dossiers.chunk-size=30"), proxy.baseUrl(),
                    DemarchesSimulator.demoToken());
            EtlRun etl = new EtlRun(home, "--etl.jobs.demarches-dossiers.chunk-size=30");

            // when: killed while its 8th request is in flight
            proxy.holdFromRequest(8);
            Process first = etl.start(Map.of(), job.args());
            assertThat(proxy.awaitHeld(120)).as("the child reached its 8th request").isTrue();
            EtlRun.kill9(first);
            proxy.heal();

            // and killed again at whatever moment it has served 6 more pages
            long pagesBefore = sim.dossiersPageCount();
            Process second = etl.start(Map.of(), job.args());
            while (second.isAlive() && sim.dossiersPageCount() < pagesBefore + 6) {
                Thread.sleep(5);
            }
            EtlRun.kill9(second);
            assertThat(PublishedOutput.files(job.jobDir(), ".jsonl.gz")).as("nothing published by killed runs").isEmpty();

            // and the same command once more
            EtlRun.Result result = job.run();

            // then
            assertThat(result.out()).contains("recovering it", "resuming run 1");
            DemarchesRuns.Run run = DemarchesRuns.published(result);
            List<Long> visible = sim.visibleDossierNumbers(1001);
            assertThat(run.dossierNumbers()).hasSize(visible.size()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(visible);
            assertThat(run.deletedNumbers()).doesNotHaveDuplicates()
                    .hasSize(sim.pendingDeletedDossierNumbers(1001).size() + sim.deletedDossierNumbers(1001).size());
            assertThat(run.manifest().jobExecutionIds()).hasSize(3);
            assertThat(PublishedOutput.leftovers(job.jobDir())).isEmpty();
        }
    }

    private static FaultProxy startProxy(DemarchesSimulator sim) throws java.io.IOException {
        sim.start(0);
        return new FaultProxy(sim.baseUrl());
    }
}
