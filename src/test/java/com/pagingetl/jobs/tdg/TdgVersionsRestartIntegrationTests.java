package com.pagingetl.jobs.tdg;

import static com.pagingetl.jobs.tdg.TdgTestSupport.command;
import static com.pagingetl.jobs.tdg.TdgTestSupport.lines;
import static com.pagingetl.jobs.tdg.TdgTestSupport.manifestOf;
import static com.pagingetl.jobs.tdg.TdgTestSupport.onlyFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.simulator.tdg.TdgSimulator;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PublishedOutput;

/** Runs of tdgVersions that really fail or die part-way, then the same command again. */
class TdgVersionsRestartIntegrationTests {

    @TempDir
    Path home;

    private TdgSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aRunFailedPartWayResumesAgainstTheSameVersionAndWritesEveryObjectOnce() {
        // given: 2000 accounts in pages of 100, committed page by page; requests fail after the plan's two
        // admin queries and six pages
        sim = TdgTestSupport.simulator(Map.of("size", "2000"));
        long pinned = sim.latestVersion();
        int live = sim.liveObjects("Account");
        int fullRunQueries = (live + 99) / 100 + 1;
        EtlRun etl = new EtlRun(home);
        String[] command = command(sim, List.of("--etl.jobs.tdg-versions.chunk-size=100",
                "--etl.http.max-attempts=2"), "type=Account");
        sim.failRequestsAfter(8, 500);

        // when
        EtlRun.Result failed = etl.run(command);

        // then
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.lastErrorLine()).startsWith("tdgVersions failed").contains("tdgExtract")
                .contains("fetch of page 7").contains("HTTP 500").contains("run the same command again");
        assertThat(PublishedOutput.files(etl.output(TdgVersionsJob.NAME), ".jsonl.gz")).isEmpty();

        // when the grid recovers, is written meanwhile, and the same command runs again
        sim.clearFaults();
        sim.updateRandom(300);
        sim.resetCounters();
        EtlRun.Result resumed = etl.run(command);

        // then the file is the grid as of the first attempt's version, every object once
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.COMPLETED);
        Path file = onlyFile(etl);
        assertThat(manifestOf(file).details()).containsEntry("snapshotVersion", Long.toString(pinned));
        assertThat(sim.latestVersion()).isGreaterThan(pinned);
        assertThat(PublishedOutput.lines(file)).containsExactlyElementsOf(lines(sim.expectedSnapshot("Account", pinned)));
        assertThat(manifestOf(file).jobExecutionIds()).hasSize(2);
        // the six committed pages were not fetched again
        assertThat(sim.dataQueryCount()).isEqualTo(fullRunQueries - 6);
    }

    @Test
    void killMinus9WhilePagingThenTheSameCommandLosesAndDoublesNothing() throws Exception {
        // given: a slow grid, the token in the environment, commits of 50 objects
        sim = TdgTestSupport.simulator(Map.of("size", "2000", "latencyMs", "30"));
        long pinned = sim.latestVersion();
        EtlRun etl = new EtlRun(home);
        String[] command = {"--job=tdgVersions", "type=Account",
                "--etl.jobs.tdg-versions.base-url=" + sim.baseUrl(), "--etl.jobs.tdg-versions.chunk-size=50"};

        // when killed while paging, the grid being written afterwards, and the same command run again
        Process child = etl.start(Map.of("TDG_TOKEN", TdgSimulator.DEFAULT_TOKEN), command);
        awaitQueries(sim::dataQueryCount, 6, child);
        EtlRun.kill9(child);
        sim.updateRandom(200);
        List<String> again = new ArrayList<>(List.of(command));
        again.add("--etl.jobs.tdg-versions.token=" + TdgSimulator.DEFAULT_TOKEN);
        EtlRun.Result last = etl.run(again.toArray(String[]::new));

        // then (how far the resumed run starts depends on which commits reached the disk before the kill;
        // that it does not refetch committed pages is the other test's subject)
        assertThat(last.exitCode()).as(last.toString()).isEqualTo(ExitCodes.COMPLETED);
        assertThat(last.out()).contains("resuming run 1");
        Path file = onlyFile(etl);
        List<String> written = PublishedOutput.lines(file);
        assertThat(new HashSet<>(written)).hasSameSizeAs(written);
        assertThat(written).containsExactlyElementsOf(lines(sim.expectedSnapshot("Account", pinned)));
        assertThat(manifestOf(file).details()).containsEntry("snapshotVersion", Long.toString(pinned));
        assertThat(manifestOf(file).jobExecutionIds()).hasSize(2);
        assertThat(PublishedOutput.leftovers(etl.output(TdgVersionsJob.NAME))).isEmpty();
    }

    private static void awaitQueries(LongSupplier count, long atLeast, Process process) throws InterruptedException {
        // A hang guard: a child JVM on a machine shared with other builds may take a minute to start.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (count.getAsLong() < atLeast) {
            if (!process.isAlive()) {
                throw new AssertionError("the run ended (exit " + process.exitValue() + ") before it was killed");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the run made only " + count.getAsLong() + " queries in 5 minutes");
            }
            Thread.sleep(20);
        }
    }
}
