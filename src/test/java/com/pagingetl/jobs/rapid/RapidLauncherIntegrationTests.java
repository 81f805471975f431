package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.RepositoryDatabase;

/** The command-line verbs around a run, exercised on rapidContent: status, abandon, restart, usage errors. */
class RapidLauncherIntegrationTests {

    private static final Pattern FAILED_EXECUTION = Pattern.compile("failed \\(execution (\\d+)\\)");
    private static final Pattern RUNNING_EXECUTION = Pattern.compile("(?m)^(\\d+)\\s+rapidContent\\s+1\\s+(STARTED|STARTING)");

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(RepositoryDatabase.class)
    void statusListsTheFailedRunAndAbandonLetsTheNextCommandStartAFreshOne(RepositoryDatabase database) {
        try (RapidFixture rapid = new RapidFixture(home, database, Map.of())) {
            rapid.simulator.failRequestsAfter(70, 500);
            EtlRun.Result failed = rapid.run("--etl.http.max-attempts=1");
            long execution = executionOf(failed);
            rapid.simulator.clearFaults();

            EtlRun.Result status = rapid.etl.run("--status", "--job=rapidContent");

            assertThat(status.exitCode()).isZero();
            assertThat(status.out()).containsPattern("(?m)^" + execution + "\\s+rapidContent\\s+1\\s+FAILED");

            EtlRun.Result abandoned = rapid.etl.run("--abandon=" + execution);
            assertThat(abandoned.exitCode()).as(abandoned.toString()).isZero();

            EtlRun.Result next = rapid.run();
            assertThat(next.exitCode()).as(next.toString()).isZero();
            assertThat(next.out()).contains("starting run 2");
            assertThat(RapidFixture.distinct(RapidFixture.ids(rapid.published(".jsonl.gz").get(0))))
                    .isEqualTo(rapid.expectedIds());
        }
    }

    @ParameterizedTest
    @EnumSource(RepositoryDatabase.class)
    void restartByExecutionIdResumesThatRun(RepositoryDatabase database) {
        try (RapidFixture rapid = new RapidFixture(home, database, Map.of())) {
            rapid.simulator.failRequestsAfter(70, 500);
            long execution = executionOf(rapid.run("--etl.http.max-attempts=1"));
            rapid.simulator.clearFaults();

            EtlRun.Result restarted = rapid.etl.run("--restart=" + execution);

            assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
            assertThat(restarted.out()).contains("restarting execution " + execution);
            assertThat(RapidFixture.ids(rapid.published(".jsonl.gz").get(0))).doesNotHaveDuplicates()
                    .hasSize(rapid.expectedIds().size());
        }
    }

    @ParameterizedTest
    @EnumSource(RepositoryDatabase.class)
    void aRunInAnotherProcessIsListedByStatusAndStoppedByStopThenTheSameCommandResumesIt(RepositoryDatabase database)
            throws Exception {
        try (RapidFixture rapid = new RapidFixture(home, database, Map.of("latencyMs", "300"))) {
            Process child = rapid.etl.start(Map.of(), rapid.command());
            while (child.isAlive() && rapid.simulator.contentRequestCount() < 5) {
                Thread.sleep(20);
            }

            EtlRun.Result status = rapid.etl.run("--status", "--job=rapidContent");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            Matcher running = RUNNING_EXECUTION.matcher(status.out());
            assertThat(running.find()).as(status.out()).isTrue();
            EtlRun.Result stop = rapid.etl.run("--stop=" + running.group(1));
            assertThat(stop.exitCode()).as(stop.toString()).isZero();
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue()).isEqualTo(ExitCodes.STOPPED);

            EtlRun.Result resumed = rapid.etl.runChild(Map.of(), rapid.command());

            rapid.assertResumedAndPublishedEveryPropertyOnce(resumed);
        }
    }

    @Test
    void badParametersAndMissingCredentialsAreUsageErrorsThatStartNothing() {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            assertUsage(rapid.run("maxPartitionSize=lots"), "maxPartitionSize=lots is not allowed: expected a whole number");
            assertUsage(rapid.run("colour=blue"), "rapidContent has no parameter 'colour'");
            assertUsage(rapid.run("countries=usa"), "countries=usa is not allowed: 'usa' is not one of the 249 values");
            assertUsage(rapid.run("countries=US,XX"), "countries=US,XX is not allowed: 'XX' is not one of the 249 values");
            assertUsage(rapid.run("since=2099-01-01"), "since=2099-01-01 is not allowed: it is in the future");
            assertUsage(new EtlRun(home.resolve("no-credentials")).run("--job=rapidContent"), "RAPID_API_KEY");
            assertUsage(rapid.etl.run("--job=nothing"), "unknown job 'nothing'");
            assertThat(rapid.simulator.contentRequestCount()).isZero();
            assertThat(rapid.etl.run("--status").out()).contains("(no executions yet)");
        }
    }

    private static void assertUsage(EtlRun.Result result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.lastErrorLine()).startsWith("usage error:").contains(message);
    }

    private static long executionOf(EtlRun.Result failed) {
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        Matcher m = FAILED_EXECUTION.matcher(failed.lastErrorLine());
        assertThat(m.find()).as(failed.lastErrorLine()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
