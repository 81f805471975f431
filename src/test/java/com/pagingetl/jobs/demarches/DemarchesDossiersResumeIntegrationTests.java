package com.pagingetl.jobs.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.demarches.DemarchesSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/**
 * Relay cursors: a run that failed after some dossiers were committed resumes after the cursor of the last one
 * written, whatever happened to the dossiers meanwhile. The API's answer for the resumed run is every dossier
 * whose (updated_at, id) is after that cursor as the data stands now: a dossier modified since moves to the end
 * (a written one comes again, as modified; an unwritten one comes once, at the end), a hidden one leaves the
 * dossiers for the pending deletions, a new one comes last.
 */
class DemarchesDossiersResumeIntegrationTests {

    @TempDir
    Path home;

    @Test
    void dossiersHiddenModifiedAndDepositedUnderTheResumeCursorAreNeitherSkippedNorDoubled() throws IOException {
        DemarchesSimulator sim = new DemarchesSimulator(new SimulatorOptions(Map.of("size", "600", "rateLimitPerMinute", "0")));
        sim.start(0);
        try (sim; FaultProxy proxy = new FaultProxy(sim.baseUrl())) {
            // given a run whose fourth request fails, with commits of 35 inside pages of 100
            EtlRun etl = new EtlRun(home, "--etl.jobs.demarches-dossiers.chunk-size=35", "--etl.http.max-attempts=1");
            DemarchesRuns job = new DemarchesRuns(etl, proxy.baseUrl(), DemarchesSimulator.demoToken());
            proxy.failFromRequest(4);
            EtlRun.Result failed = job.run();
            assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);
            List<Long> written = committedNumbers(job.jobDir());
            assertThat(written).as("whole commits of 35, the last inside a page").isNotEmpty().hasSizeLessThan(300);
            assertThat(written.size() % 35).isZero();

            // when: the last dossier written is hidden (the cursor's own record is gone), a written one and an
            // unwritten one are modified, an unwritten one is hidden, and a new one is deposited
            long lastWritten = written.get(written.size() - 1);
            long modifiedWritten = written.get(10);
            List<Long> unwritten = sim.visibleDossierNumbers(1001).stream().filter(n -> !written.contains(n)).toList();
            long modifiedAhead = unwritten.get(5);
            long hiddenAhead = unwritten.get(50);
            assertThat(sim.hide(lastWritten)).isTrue();
            assertThat(sim.touch(modifiedWritten)).isTrue();
            assertThat(sim.touch(modifiedAhead)).isTrue();
            assertThat(sim.hide(hiddenAhead)).isTrue();
            long deposited = sim.deposit(1001);
            proxy.heal();
            EtlRun.Result resumed = job.run();

            // then every dossier visible now is published; only the written one modified since comes twice
            DemarchesRuns.Run run = DemarchesRuns.published(resumed);
            assertThat(resumed.out()).contains("resuming run 1");
            List<Long> numbers = run.dossierNumbers();
            assertThat(numbers.subList(0, written.size())).as("the committed dossiers, kept as written").isEqualTo(written);
            assertThat(numbers).containsAll(sim.visibleDossierNumbers(1001)).contains(deposited, modifiedAhead)
                    .doesNotContain(hiddenAhead);
            Map<Long, Long> counts = numbers.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("dossiers published twice").containsExactly(modifiedWritten);
            assertThat(numbers.stream().filter(n -> !sim.visibleDossierNumbers(1001).contains(n)).toList())
                    .as("published dossiers no longer visible: only the written one hidden since").containsExactly(lastWritten);
            List<JsonNode> versions = run.dossiers().stream().filter(d -> d.get("number").asLong() == modifiedWritten).toList();
            assertThat(versions.get(1).get("dateDerniereModification").asString())
                    .as("the second copy is the modified dossier").isGreaterThan(versions.get(0).get("dateDerniereModification").asString());
            assertThat(run.deletedNumbers()).doesNotHaveDuplicates().contains(lastWritten, hiddenAhead);
            assertThat(PublishedOutput.leftovers(job.jobDir())).isEmpty();
        }
    }

    /** The dossier numbers committed to the run's dossiers part file, in order. */
    private static List<Long> committedNumbers(Path jobDir) {
        return PublishedOutput.records(PublishedOutput.onlyPart(jobDir, "dossiers")).stream()
                .map(n -> n.get("number").asLong()).toList();
    }
}
