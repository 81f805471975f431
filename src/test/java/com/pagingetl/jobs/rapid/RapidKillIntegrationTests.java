package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.RepositoryDatabase;

/**
 * Real processes: the job runs in a child JVM that is killed with SIGKILL at several points (while
 * planning, early and late in extraction), and the same command is then run to its end. The simulator
 * lives in the test JVM, so it keeps its data and counts requests across the kills.
 */
class RapidKillIntegrationTests {

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(RepositoryDatabase.class)
    void killedRepeatedlyThenRunAgainPublishesEveryPropertyExactlyOnce(RepositoryDatabase database) throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, database, Map.of("latencyMs", "120"))) {
            // ~50 size probes, then ~80 pages: kill while planning, early in extraction, and in its middle.
            for (int killAfterRequests : new int[] {25, 65, 30}) {
                int before = rapid.simulator.contentRequestCount();
                Process child = rapid.etl.start(Map.of(), rapid.command());
                while (child.isAlive() && rapid.simulator.contentRequestCount() < before + killAfterRequests) {
                    Thread.sleep(20);
                }
                EtlRun.kill9(child);
            }
            assertThat(rapid.published(".jsonl.gz")).as("nothing is published by a killed run").isEmpty();

            EtlRun.Result finished = rapid.etl.runChild(Map.of(), rapid.command());

            assertThat(finished.exitCode()).as(finished.toString()).isZero();
            assertThat(finished.out()).contains("by a process that died; recovering it", "resuming run 1");
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(RapidFixture.distinct(ids)).isEqualTo(rapid.expectedIds());
        }
    }

    @ParameterizedTest
    @EnumSource(RepositoryDatabase.class)
    void secondCommandWhileARunExecutesExitsWithCode3AndDoesNotDisturbIt(RepositoryDatabase database) throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, database, Map.of("latencyMs", "300"))) {
            Process child = rapid.etl.start(Map.of(), rapid.command());
            while (child.isAlive() && rapid.simulator.contentRequestCount() < 5) {
                Thread.sleep(20);
            }

            EtlRun.Result second = rapid.etl.run(rapid.command());

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(second.lastErrorLine()).contains("rapidContent", "is already running", "pid " + child.pid());
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue()).isZero();
            List<String> ids = RapidFixture.ids(rapid.published(".jsonl.gz").get(0));
            assertThat(RapidFixture.distinct(ids)).hasSize(ids.size()).isEqualTo(rapid.expectedIds());
        }
    }
}
