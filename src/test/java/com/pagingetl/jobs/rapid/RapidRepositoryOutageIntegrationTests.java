package com.pagingetl.jobs.rapid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pagingetl.launch.ExitCodes;
import com.pagingetl.testing.EtlRun;
import com.pagingetl.testing.PostgresServer;

/**
 * The job repository on a real PostgreSQL that goes away: down when the command starts, and stopped in the middle
 * of a run (pg_ctl stop, which cuts every connection), then started again on the same port and data directory.
 * Either way the command ends with exit 1 and one line naming the repository (never its password), and the same
 * command completes once the database is back, every property published exactly once.
 */
class RapidRepositoryOutageIntegrationTests {

    private static final String PASSWORD = "pg-pass-4711";
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");

    @TempDir
    Path home;

    @Test
    void databaseDownAtStartExitsOneWithOneLineAndTheRetryWorksOnceItIsBack() {
        try (PostgresServer postgres = PostgresServer.start(home.resolve("pg"));
             RapidFixture rapid = new RapidFixture(home, repository(postgres), Map.of())) {
            postgres.stop();

            EtlRun.Result down = rapid.run();

            assertThat(down.exitCode()).as(down.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(down.err().lines().filter(l -> !l.isBlank())).as(down.err()).hasSize(1);
            assertThat(down.lastErrorLine()).contains("job repository jdbc:postgresql://localhost:" + postgres.port() + "/",
                    "is unreachable", "run the same command again").doesNotContain(PASSWORD);
            assertThat(rapid.simulator.contentRequestCount()).as("nothing was started").isZero();

            postgres.startAgain();
            EtlRun.Result retry = rapid.run();

            assertThat(retry.exitCode()).as(retry.toString()).isZero();
            assertThat(retry.out()).contains("starting run 1");
            assertThat(RapidFixture.ids(rapid.published(".jsonl.gz").get(0))).doesNotHaveDuplicates()
                    .hasSize(rapid.expectedIds().size());
        }
    }

    @Test
    void databaseLostMidRunFailsWithThePositionAndTheSameCommandResumesOnceItIsBack() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(home.resolve("pg"));
             RapidFixture rapid = new RapidFixture(home, repository(postgres), Map.of("latencyMs", "100"))) {
            Process child = rapid.etl.start(Map.of(), rapid.command());
            // ~50 size probes while planning, then ~80 pages: stop the database well into extraction.
            while (child.isAlive() && rapid.simulator.contentRequestCount() < 90) {
                Thread.sleep(20);
            }
            postgres.stop();
            long stopped = System.nanoTime();
            // A hang guard only; the run's own limits end it much sooner (see application.properties).
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
            // A figure for the record (in the test's output file), never an assertion: a busy machine stretches it.
            System.out.printf("database stopped mid-run; the run ended %d ms later%n", (System.nanoTime() - stopped) / 1_000_000);
            String err = Files.readString(home.resolve("child.err"));
            assertThat(child.exitValue()).as(err).isEqualTo(ExitCodes.FAILED);
            // The launcher's own lines, without the log's (a worker thread still closing may log after the last one).
            List<String> lines = err.lines().filter(l -> !l.isBlank() && !LOG_LINE.matcher(l).find()).toList();
            System.out.println("last line: " + lines.get(lines.size() - 1));
            // The position: each unfinished partition's last commit, and how many had completed.
            assertThat(lines.get(lines.size() - 1)).as(err).contains("lost the job repository jdbc:postgresql://localhost:"
                    + postgres.port() + "/", "run the same command again")
                    .containsPattern("last commits: \\S+ [\\d,]+ records written in [\\d,]+ commits|no unfinished step had committed")
                    .doesNotContain(PASSWORD);
            assertThat(rapid.published(".jsonl.gz")).isEmpty();

            postgres.startAgain();
            EtlRun.Result resumed = rapid.etl.runChild(Map.of(), rapid.command());

            rapid.assertResumedAndPublishedEveryPropertyOnce(resumed);
        }
    }

    /** The server's own database, with a password in the URL that must never be printed (trust auth ignores it). */
    private static List<String> repository(PostgresServer postgres) {
        return List.of("--spring.datasource.url=" + postgres.url("postgres") + "?password=" + PASSWORD,
                "--spring.datasource.username=" + PostgresServer.user());
    }
}
