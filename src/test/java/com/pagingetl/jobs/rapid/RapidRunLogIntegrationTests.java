package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.testing.EtlRun;

/**
 * The log file of a partitioned run: the launcher's lines are in it, every line of the run (partition worker
 * threads included) carries job, scope and execution id, progress ends with the word that is true for each
 * partition and for the whole step, and Spring Batch's chatter stays off the console.
 */
class RapidRunLogIntegrationTests {

    @TempDir
    Path home;

    @Test
    void completedRunIsInTheLogFileTaggedOnEveryThreadWithADoneWordAndAnOverallLine() throws IOException {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            EtlRun.Result result = rapid.run();
            assertThat(result.exitCode()).as(result.toString()).isZero();
            long execution = execution(result.out(), "completed in .* \\(execution (\\d+)\\)");

            List<String> log = log();
            String tag = "rapidContent [" + scope(result.out()) + "] #" + execution + " ";
            assertThat(log).filteredOn(l -> l.contains(" launcher - rapidContent completed in ")).singleElement()
                    .asString().contains(" INFO ").contains(tag);
            assertThat(log).filteredOn(l -> l.contains(" launcher - ") && l.contains("starting run 1")).hasSize(1);
            assertThat(log).filteredOn(l -> l.contains(" launcher -   ") && l.contains(".jsonl.gz")).isNotEmpty();
            List<String> partitions = log.stream().filter(l -> l.contains("progress - rapidContent partition ")).toList();
            assertThat(partitions).allSatisfy(l -> assertThat(l).contains(tag));
            // The last line of each partition comes from its worker thread, which carries the tags too.
            assertThat(partitions).filteredOn(l -> l.contains(" [rapid-")).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).contains(": done, "));
            assertThat(log).filteredOn(l -> l.contains("progress - rapidContent all partitions: done, "))
                    .singleElement().asString().contains(tag)
                    .contains(String.format(java.util.Locale.ROOT, "%,d records", rapid.expectedIds().size()))
                    .contains("100.0% of ");

            EtlRun.Result status = rapid.etl.run("--status");
            assertThat(status.out()).contains("COMPLETED");
            assertThat(log()).as("a --status listing is not a run's log")
                    .noneMatch(l -> l.contains(" launcher - ") && l.contains("COMPLETED"));
        }
    }

    @Test
    void failedRunSaysFailedForTheFailedPartitionAndTheStepAndKeepsTheRollbackOffTheConsole() throws IOException {
        try (RapidFixture rapid = new RapidFixture(home, Map.of())) {
            rapid.simulator.failRequestsAfter(70, 500);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream realErr = System.err;
            EtlRun.Result result;
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            try {
                result = rapid.run("--etl.http.max-attempts=1");
            } finally {
                System.setErr(realErr);
            }
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
            long execution = execution(result.err(), "failed \\(execution (\\d+)\\)");

            List<String> log = log();
            assertThat(log).filteredOn(l -> l.contains(" launcher - rapidContent failed (execution " + execution))
                    .singleElement().asString().contains(" ERROR ").contains("#" + execution + " ");
            assertThat(log).filteredOn(l -> l.contains("progress - rapidContent partition ") && l.contains(": failed, "))
                    .isNotEmpty();
            assertThat(log).filteredOn(l -> l.contains("progress - rapidContent all partitions: failed, ")).hasSize(1);
            assertThat(log).filteredOn(l -> l.contains("Rolling back chunk transaction")).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).contains(" ERROR ").contains("#" + execution + " "));
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("Rolling back chunk transaction")
                    .doesNotContain("org.springframework.batch");
        }
    }

    private List<String> log() throws IOException {
        return Files.readAllLines(home.resolve("etl.log"));
    }

    private static long execution(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String scope(String out) {
        Matcher m = Pattern.compile("rapidContent \\[(.*)\\]: starting run").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
